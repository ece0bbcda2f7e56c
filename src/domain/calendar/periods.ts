// Reporting periods: `YYYY-MM` (monthly), `YYYY-Qn` (quarterly) and `YYYY-Www` (ISO weeks, see
// iso-weeks.ts). A period covers whole local
// days in the program's timezone and closes at local midnight at the start of the next period.
// The only parser of period keys: everything that reads one (program files, CSV rows, button
// values, trends, dated targets) goes through isPeriodKey / parsePeriodKey / periodKeySchema.
import { z } from 'zod';
import type { Frequency, PeriodKey } from '../types.js';
import { mondayOfWeek, WEEKLY_KEY, weekFromOrdinal, weekOf, weekOrdinal, weeksInYear } from './iso-weeks.js';
import { addDays, CalendarInputError, fromUtcDay, type LocalDate, toUtcDay } from './local-date.js';
import { localDateOf, startOfLocalDay } from './zoned-time.js';

/** `index` is the month (1–12) for monthly periods, the quarter (1–4) for quarterly ones, the ISO week (1–53) for weekly ones. */
export interface PeriodParts {
  frequency: Frequency;
  year: number;
  index: number;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const MONTHLY_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTERLY_KEY = /^(\d{4})-Q([1-4])$/;

export function isPeriodKey(text: string): boolean {
  if (MONTHLY_KEY.test(text) || QUARTERLY_KEY.test(text)) return true;
  const w = WEEKLY_KEY.exec(text);
  return !!w && Number(w[2]) <= weeksInYear(Number(w[1]));
}

/** For zod parsers of outside input: program files, CSV rows, button values. */
export const periodKeySchema = z
  .string()
  .refine(isPeriodKey, { error: 'must be a period such as 2026-01, 2026-Q1 or 2026-W05' });

export function parsePeriodKey(key: PeriodKey): PeriodParts {
  // An agenda's analysis parses the same few hundred keys tens of thousands of times: each is
  // parsed once, and every caller gets its own copy.
  let parts = parsed.get(key);
  if (!parts) {
    parts = parseUncached(key);
    if (parsed.size >= PARSED_KEEP) parsed.clear();
    parsed.set(key, parts);
  }
  return { ...parts };
}

const parsed = new Map<string, PeriodParts>();
const PARSED_KEEP = 10_000;

function parseUncached(key: PeriodKey): PeriodParts {
  const m = MONTHLY_KEY.exec(key);
  if (m) return { frequency: 'monthly', year: Number(m[1]), index: Number(m[2]) };
  const q = QUARTERLY_KEY.exec(key);
  if (q) return { frequency: 'quarterly', year: Number(q[1]), index: Number(q[2]) };
  const w = WEEKLY_KEY.exec(key);
  if (w && isPeriodKey(key)) return { frequency: 'weekly', year: Number(w[1]), index: Number(w[2]) };
  throw new CalendarInputError(`"${key}" is not a period key like 2026-10, 2026-Q3 or 2026-W45`);
}

export function formatPeriodKey(parts: PeriodParts): PeriodKey {
  if (parts.year < 0 || parts.year > 9999) throw new CalendarInputError(`year ${parts.year} is out of range`);
  const year = String(parts.year).padStart(4, '0');
  if (parts.frequency === 'weekly') return `${year}-W${String(parts.index).padStart(2, '0')}`;
  return parts.frequency === 'monthly' ? `${year}-${String(parts.index).padStart(2, '0')}` : `${year}-Q${parts.index}`;
}

export function frequencyOfPeriod(key: PeriodKey): Frequency {
  return parsePeriodKey(key).frequency;
}

/** "2026-10" → "October 2026"; "2026-Q3" → "Q3 2026"; "2026-W45" → "week 45 of 2026 (2–8 Nov)". */
export function formatPeriodLabel(key: PeriodKey): string {
  const p = parsePeriodKey(key);
  if (p.frequency === 'weekly') {
    const { start, end } = periodStartEnd(key);
    const [a, b] = [toUtcDay(start), toUtcDay(end)];
    const from = a.month === b.month ? String(a.day) : a.setLocale('en-GB').toFormat('d LLL');
    return `week ${p.index} of ${p.year} (${from}–${b.setLocale('en-GB').toFormat('d LLL')})`;
  }
  return p.frequency === 'monthly' ? `${MONTH_NAMES[p.index - 1]} ${p.year}` : `Q${p.index} ${p.year}`;
}

/** Position on the period's own scale (months or quarters since year 0), so gaps can be counted. */
export function periodOrdinal(key: PeriodKey): { frequency: Frequency; ordinal: number } {
  const p = parsePeriodKey(key);
  if (p.frequency === 'weekly') return { frequency: 'weekly', ordinal: weekOrdinal(p.year, p.index) };
  return { frequency: p.frequency, ordinal: p.year * (p.frequency === 'monthly' ? 12 : 4) + p.index - 1 };
}

/** "2026-Q3" → "2026-07" (a monthly key stays as it is; a week: the month of its Monday), so keys compare on one scale. */
export function firstMonthKey(key: PeriodKey): PeriodKey {
  const p = parsePeriodKey(key);
  if (p.frequency === 'weekly') return periodStartEnd(key).start.slice(0, 7);
  return p.frequency === 'monthly'
    ? key
    : formatPeriodKey({ frequency: 'monthly', year: p.year, index: (p.index - 1) * 3 + 1 });
}

/** Moves `n` periods forward (negative: back), across year ends. */
export function shiftPeriod(key: PeriodKey, n: number): PeriodKey {
  if (!Number.isInteger(n)) throw new RangeError(`period shift must be a whole number, got ${n}`);
  const p = parsePeriodKey(key);
  if (p.frequency === 'weekly') {
    const w = weekFromOrdinal(weekOrdinal(p.year, p.index) + n);
    return formatPeriodKey({ frequency: 'weekly', year: w.year, index: w.week });
  }
  const perYear = p.frequency === 'monthly' ? 12 : 4;
  const ordinal = p.year * perYear + (p.index - 1) + n;
  return formatPeriodKey({
    frequency: p.frequency,
    year: Math.floor(ordinal / perYear),
    index: (((ordinal % perYear) + perYear) % perYear) + 1,
  });
}

export function previousPeriod(key: PeriodKey): PeriodKey {
  return shiftPeriod(key, -1);
}

export function nextPeriod(key: PeriodKey): PeriodKey {
  return shiftPeriod(key, 1);
}

/** The `n` periods ending with `key` (inclusive), oldest first: periodsBack("2026-03", 3) → 2026-01, 2026-02, 2026-03. */
export function periodsBack(key: PeriodKey, n: number): PeriodKey[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`periodsBack needs a count ≥ 0, got ${n}`);
  return Array.from({ length: n }, (_, i) => shiftPeriod(key, i - n + 1));
}

export function periodContaining(date: LocalDate, frequency: Frequency): PeriodKey {
  if (frequency === 'weekly') {
    const w = weekOf(date);
    return formatPeriodKey({ frequency, year: w.year, index: w.week });
  }
  const day = toUtcDay(date);
  const index = frequency === 'monthly' ? day.month : Math.ceil(day.month / 3);
  return formatPeriodKey({ frequency, year: day.year, index });
}

/** First and last local day of the period, both inclusive. */
export function periodStartEnd(key: PeriodKey): { start: LocalDate; end: LocalDate } {
  const p = parsePeriodKey(key);
  if (p.frequency === 'weekly') {
    const start = mondayOfWeek(p.year, p.index);
    return { start, end: addDays(start, 6) };
  }
  const firstMonth = p.frequency === 'monthly' ? p.index : (p.index - 1) * 3 + 1;
  const start = `${String(p.year).padStart(4, '0')}-${String(firstMonth).padStart(2, '0')}-01`;
  const nextStart = fromUtcDay(toUtcDay(start).plus({ months: p.frequency === 'monthly' ? 1 : 3 }));
  return { start, end: addDays(nextStart, -1) };
}

/** The instant the period closes: the first instant of the next period's first day, in `timezone`. */
export function periodEndInstant(key: PeriodKey, timezone: string): Date {
  return startOfLocalDay(periodStartEnd(nextPeriod(key)).start, timezone);
}

/**
 * The most recent period already closed at `now` in `timezone`: the one before the period
 * containing today's local date. At exactly the closing instant the period counts as closed.
 */
export function lastClosedPeriod(now: Date, frequency: Frequency, timezone: string): PeriodKey {
  return previousPeriod(periodContaining(localDateOf(now, timezone), frequency));
}

/** The last ISO week that belongs to a month: the week holding the month's last Thursday (ISO's rule). */
export function lastWeekOfMonth(month: PeriodKey): PeriodKey {
  const { end } = periodStartEnd(month);
  const week = periodContaining(end, 'weekly');
  // A week belongs to the month holding its Thursday.
  return addDays(periodStartEnd(week).start, 3) <= end ? week : previousPeriod(week);
}

/** The ISO weeks that belong to a month (each week's Thursday falls in it), oldest first. */
export function weeksOfMonth(month: PeriodKey): PeriodKey[] {
  const last = lastWeekOfMonth(month);
  const out: PeriodKey[] = [];
  for (let w = last; addDays(periodStartEnd(w).start, 3).slice(0, 7) === month; w = previousPeriod(w)) out.unshift(w);
  return out;
}

/** The month an ISO week belongs to (the month of its Thursday). */
export function monthOfWeek(week: PeriodKey): PeriodKey {
  return addDays(periodStartEnd(week).start, 3).slice(0, 7);
}
