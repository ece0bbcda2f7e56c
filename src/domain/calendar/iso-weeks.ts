// ISO 8601 weeks as reporting periods (`frequency: weekly`): a week runs Monday to Sunday in the
// program's timezone and is keyed `YYYY-Www` by its ISO week-numbering year — so 29 Dec 2025 –
// 4 Jan 2026 is 2026-W01, and 28 Dec 2026 – 3 Jan 2027 is 2026-W53 (a year whose 1 January falls on
// a Thursday, or a leap year starting on a Wednesday, has 53 weeks). Day arithmetic is on local
// dates, so a daylight-saving change never moves a week boundary; the week closes at local
// midnight starting Monday (periods.ts: periodEndInstant).
import { DateTime } from 'luxon';
import { addDays, CalendarInputError, fromUtcDay, type LocalDate, toUtcDay } from './local-date.js';

export const WEEKLY_KEY = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

export function weeksInYear(year: number): number {
  return DateTime.fromObject({ year, month: 12, day: 28 }, { zone: 'utc' }).weekNumber;
}

/** The Monday of ISO week `week` of `year`. */
export function mondayOfWeek(year: number, week: number): LocalDate {
  if (week < 1 || week > weeksInYear(year)) throw new CalendarInputError(`${year} has no week ${week}`);
  return fromUtcDay(DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: 'utc' }));
}

export function weekOf(date: LocalDate): { year: number; week: number } {
  const d = toUtcDay(date);
  return { year: d.weekYear, week: d.weekNumber };
}

/** Weeks since 1 Jan 1970's ISO week, so gaps and shifts count in whole weeks. */
export function weekOrdinal(year: number, week: number): number {
  const monday = toUtcDay(mondayOfWeek(year, week));
  return Math.round(monday.diff(toUtcDay('1969-12-29'), 'days').days / 7);
}

export function weekFromOrdinal(ordinal: number): { year: number; week: number } {
  return weekOf(addDays('1969-12-29', ordinal * 7));
}
