// ISO 8601 weeks as reporting periods (`frequency: weekly`): a week runs Monday to Sunday in the
// program's timezone and is keyed `YYYY-Www` by its ISO week-numbering year — so 29 Dec 2025 –
// 4 Jan 2026 is 2026-W01, and 28 Dec 2026 – 3 Jan 2027 is 2026-W53 (a year whose 1 January falls on
// a Thursday, or a leap year starting on a Wednesday, has 53 weeks). Day arithmetic is on local
// dates, so a daylight-saving change never moves a week boundary; the week closes at local
// midnight starting Monday (periods.ts: periodEndInstant).
import { CalendarInputError, type LocalDate, toUtcDay } from './local-date.js';

export const WEEKLY_KEY = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

// Plain UTC day arithmetic (no luxon): an agenda shifts hundreds of weeks per metric window, and
// the luxon version of these was the largest part of the work after an agenda's ack (issue 11).
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** The Monday of 1 Jan 1970's ISO week: ordinal 0. */
const EPOCH_MONDAY_MS = Date.UTC(1969, 11, 29);

/** The Monday of ISO week 1 (the week holding 4 January), as UTC milliseconds. */
function firstMondayMs(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

export function weeksInYear(year: number): number {
  return Math.round((firstMondayMs(year + 1) - firstMondayMs(year)) / WEEK_MS);
}

function mondayMs(year: number, week: number): number {
  if (!Number.isInteger(week) || week < 1 || week > weeksInYear(year))
    throw new CalendarInputError(`${year} has no week ${week}`);
  return firstMondayMs(year) + (week - 1) * WEEK_MS;
}

/** The Monday of ISO week `week` of `year`. */
export function mondayOfWeek(year: number, week: number): LocalDate {
  return new Date(mondayMs(year, week)).toISOString().slice(0, 10);
}

export function weekOf(date: LocalDate): { year: number; week: number } {
  const d = toUtcDay(date);
  return { year: d.weekYear, week: d.weekNumber };
}

/** Weeks since 1 Jan 1970's ISO week, so gaps and shifts count in whole weeks. */
export function weekOrdinal(year: number, week: number): number {
  return Math.round((mondayMs(year, week) - EPOCH_MONDAY_MS) / WEEK_MS);
}

export function weekFromOrdinal(ordinal: number): { year: number; week: number } {
  // The ISO year is the year of the week's Thursday; the week number counts from that year's first.
  const thursday = EPOCH_MONDAY_MS + ordinal * WEEK_MS + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: Math.floor((thursday - Date.UTC(year, 0, 1)) / WEEK_MS) + 1 };
}
