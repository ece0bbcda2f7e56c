// Business days: Monday to Friday, minus the program's holidays (local ISO dates).
import { addDays, type LocalDate, weekdayOf } from './local-date.js';

export function isBusinessDay(date: LocalDate, holidays: readonly string[]): boolean {
  return weekdayOf(date) <= 5 && !holidays.includes(date);
}

/**
 * Moves `n` business days from `date`; `date` itself is never counted, so Friday + 1 = Monday and
 * Saturday + 1 = Monday. n = 0 returns `date` if it is a business day, else the next one (a due
 * date that lands on a holiday rolls forward). Negative n walks back: Monday − 1 = Friday.
 */
export function addBusinessDays(date: LocalDate, n: number, holidays: readonly string[]): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`business days must be a whole number, got ${n}`);
  let day = date;
  if (n === 0) {
    while (!isBusinessDay(day, holidays)) day = addDays(day, 1);
    return day;
  }
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isBusinessDay(day, holidays)) left -= 1;
  }
  return day;
}

/**
 * Signed count of business days in (a, b]: how many business days `b` is after `a` (negative when
 * before). Due Friday, now Monday → 1 ("late by 1 business day"); now Saturday → 0.
 * For a business day a: businessDaysBetween(a, addBusinessDays(a, n)) === n.
 */
export function businessDaysBetween(a: LocalDate, b: LocalDate, holidays: readonly string[]): number {
  if (a === b) return 0;
  const [from, to, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isBusinessDay(day, holidays)) count += 1;
  }
  return sign * count;
}
