// When a period's numbers are due. Program files write the rule as short text; code uses DueRule.
import type { PeriodKey } from '../types.js';
import { addBusinessDays } from './business-days.js';
import { addDays, fromUtcDay, type LocalDate, toUtcDay } from './local-date.js';
import { periodStartEnd } from './periods.js';

export type DueRule =
  | { kind: 'business_days_after_period_end'; days: number }
  /** `day` of the month after the period; clamped to that month's last day (31 → 28/29 Feb). */
  | { kind: 'day_of_next_month'; day: number };

export const DEFAULT_DUE_RULE: DueRule = { kind: 'business_days_after_period_end', days: 5 };

export type DueRuleResult = { ok: true; value: DueRule } | { ok: false; message: string };

const MAX_BUSINESS_DAYS = 60;
const BUSINESS_DAYS_TEXT = /^(\d{1,3}) (?:business|working) days? after (?:the )?period end$/;
const DAY_OF_NEXT_MONTH_TEXT = /^(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: day)? of (?:the )?(?:next|following) month$/;
const HOW_TO = 'Write it like "5 business days after period end" or "10th of next month".';

/** Always a business day: a due date on a weekend or holiday rolls forward to the next one. */
export function computeDueDate(period: PeriodKey, rule: DueRule, holidays: readonly string[]): LocalDate {
  const { end } = periodStartEnd(period);
  if (rule.kind === 'business_days_after_period_end') return addBusinessDays(end, rule.days, holidays);
  const nextMonth = toUtcDay(addDays(end, 1));
  const day = Math.min(rule.day, nextMonth.daysInMonth ?? 28);
  return addBusinessDays(fromUtcDay(nextMonth.set({ day })), 0, holidays);
}

/** The first business day after the period ends: when the "numbers are open" notice goes out. */
export function computeOpeningDate(period: PeriodKey, holidays: readonly string[]): LocalDate {
  return addBusinessDays(periodStartEnd(period).end, 1, holidays);
}

export function parseDueRule(text: string): DueRuleResult {
  const input = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const b = BUSINESS_DAYS_TEXT.exec(input);
  if (b) {
    const days = Number(b[1]);
    if (days > MAX_BUSINESS_DAYS)
      return { ok: false, message: `Due rule "${text.trim()}": at most ${MAX_BUSINESS_DAYS} business days.` };
    return { ok: true, value: { kind: 'business_days_after_period_end', days } };
  }
  const d = DAY_OF_NEXT_MONTH_TEXT.exec(input);
  if (d) {
    const day = Number(d[1]);
    if (day < 1 || day > 31) return { ok: false, message: `Due rule "${text.trim()}": the day must be 1 to 31.` };
    return { ok: true, value: { kind: 'day_of_next_month', day } };
  }
  return { ok: false, message: `Due rule "${text.trim().slice(0, 60)}" is not one I understand. ${HOW_TO}` };
}

/** The canonical text of a rule; parseDueRule(formatDueRule(r)) gives r back. */
export function formatDueRule(rule: DueRule): string {
  if (rule.kind === 'business_days_after_period_end')
    return `${rule.days} business day${rule.days === 1 ? '' : 's'} after period end`;
  return `${rule.day}${ordinalSuffix(rule.day)} of next month`;
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
}
