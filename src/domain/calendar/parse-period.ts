// Reads the period a person typed after `/stat status`. Accepted (case-insensitive):
//   "2026-10", "2026-1"          a month
//   "Oct 2026", "october 2026"   a month name (any prefix of 3+ letters) with a year
//   "october", "oct"             the most recent such month that has started by the reference date
//   "2026-Q3", "Q3 2026"         a quarter
//   "Q3"                         the most recent Q3 that has started by the reference date
//   "2026-W45", "2026w45"         an ISO week
// A bare name means the latest one that has begun, so "november" typed on 2026-11-07 is the
// current (open) month and "december" is December 2025.
import type { PeriodKey } from '../types.js';
import { type LocalDate, toUtcDay } from './local-date.js';
import { formatPeriodKey, isPeriodKey, MONTH_NAMES } from './periods.js';

export type PeriodInputErrorCode = 'empty' | 'unrecognized' | 'invalid_month' | 'invalid_quarter' | 'invalid_year';

export type PeriodInputResult =
  | { ok: true; value: PeriodKey }
  | { ok: false; code: PeriodInputErrorCode; message: string };

const EXAMPLES = 'Try 2026-10, Oct 2026, october, 2026-Q3 or Q3.';

export function parsePeriodInput(text: string, reference: LocalDate): PeriodInputResult {
  const input = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (input === '') return fail('empty', `Name a period. ${EXAMPLES}`);
  const ref = toUtcDay(reference);
  let m = /^(\d{4})-(\d{1,2})$/.exec(input);
  if (m) return buildMonth(Number(m[1]), Number(m[2]));
  m = /^(\d{4})[ -]?q(\d)$/.exec(input);
  if (m) return buildQuarter(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-?w(\d{1,2})$/.exec(input);
  if (m) {
    const key = `${m[1]}-W${String(Number(m[2])).padStart(2, '0')}`;
    return isPeriodKey(key) ? { ok: true, value: key } : fail('unrecognized', `${m[1]} has no week ${Number(m[2])}.`);
  }
  m = /^q(\d)[ -]?(\d{4})$/.exec(input);
  if (m) return buildQuarter(Number(m[2]), Number(m[1]));
  m = /^q(\d)$/.exec(input);
  if (m) return buildQuarter(ref.year - (Number(m[1]) > Math.ceil(ref.month / 3) ? 1 : 0), Number(m[1]));
  m = /^([a-z]+)\.?(?:[ ,-]+(\d{4}))?$/.exec(input);
  const month = m ? monthFromName(m[1] ?? '') : null;
  if (m && month !== null) {
    const year = m[2] !== undefined ? Number(m[2]) : ref.year - (month > ref.month ? 1 : 0);
    return buildMonth(year, month);
  }
  return fail('unrecognized', `I couldn't read "${text.trim().slice(0, 30)}" as a period. ${EXAMPLES}`);
}

function buildMonth(year: number, month: number): PeriodInputResult {
  if (month < 1 || month > 12) return fail('invalid_month', `There is no month ${month}. Months run from 01 to 12.`);
  if (year < 1000) return fail('invalid_year', `${year} is not a year I can use.`);
  return { ok: true, value: formatPeriodKey({ frequency: 'monthly', year, index: month }) };
}

function buildQuarter(year: number, quarter: number): PeriodInputResult {
  if (quarter < 1 || quarter > 4)
    return fail('invalid_quarter', `There is no quarter Q${quarter}. Quarters run from Q1 to Q4.`);
  if (year < 1000) return fail('invalid_year', `${year} is not a year I can use.`);
  return { ok: true, value: formatPeriodKey({ frequency: 'quarterly', year, index: quarter }) };
}

/** "oct", "octo", "october" → 10; fewer than 3 letters is too ambiguous ("ma", "ju"). */
function monthFromName(word: string): number | null {
  if (word.length < 3) return null;
  const i = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(word));
  return i === -1 ? null : i + 1;
}

function fail(code: PeriodInputErrorCode, message: string): PeriodInputResult {
  return { ok: false, code, message };
}
