// Local ISO dates ("2026-11-07") are calendar days in the program's timezone, with no clock time.
// Day arithmetic runs in UTC, where every day is 24 h long, so a DST change can never shift a date;
// a timezone only matters once a date meets a clock time (zoned-time.ts).
import { DateTime } from 'luxon';

/** A local ISO date, "YYYY-MM-DD", in the program's timezone. */
export type LocalDate = string;

/** Malformed input from code or configuration (a bad date, period key, clock time or timezone). */
export class CalendarInputError extends Error {
  override name = 'CalendarInputError';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written "YYYY-MM-DD" (not 2026-02-30, not 2026-13-01). */
export function isLocalDate(text: string): boolean {
  return ISO_DATE.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid;
}

export function toUtcDay(date: LocalDate): DateTime {
  const dt = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
  if (!dt?.isValid) throw new CalendarInputError(`"${date}" is not a date like 2026-11-07`);
  return dt;
}

export function fromUtcDay(dt: DateTime): LocalDate {
  const iso = dt.toISODate();
  if (iso === null) throw new CalendarInputError('date arithmetic left the supported range');
  return iso;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcDay(toUtcDay(date).plus({ days }));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  return toUtcDay(date).weekday;
}

/** "Fri 7 Nov" from a local ISO date, as messages show a due date. */
export function formatDay(date: LocalDate): string {
  return toUtcDay(date).setLocale('en-GB').toFormat('ccc d LLL');
}
