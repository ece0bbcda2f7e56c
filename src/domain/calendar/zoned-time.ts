// Where local dates meet clock times in the program's timezone. All zone maths goes through luxon.
import { DateTime } from 'luxon';
import { CalendarInputError, type LocalDate, toUtcDay } from './local-date.js';

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseClockTime(hhmm: string): { hour: number; minute: number } {
  const m = CLOCK_TIME.exec(hhmm);
  if (!m) throw new CalendarInputError(`"${hhmm}" is not a time like 09:00`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The calendar day an instant falls on in `timezone`. */
export function localDateOf(instant: Date, timezone: string): LocalDate {
  const dt = DateTime.fromJSDate(instant, { zone: timezone });
  const iso = dt.isValid ? dt.toISODate() : null;
  if (iso === null) throw new CalendarInputError(`cannot place ${String(instant)} in timezone "${timezone}"`);
  return iso;
}

/**
 * The instant at which the wall clock in `timezone` reads `hhmm` on `date`.
 *
 * DST choices, so a reminder is never lost and never sent twice:
 * - Spring forward (a wall time that does not exist, e.g. 02:30 on 2026-03-08 in New York): the
 *   time moves forward by the length of the gap (→ 03:30 EDT). Late by an hour beats never.
 * - Fall back (a wall time that happens twice, e.g. 01:30 on 2026-11-01 in New York): the FIRST
 *   occurrence (01:30 EDT). Luxon picks the second by default, so we choose explicitly; "the day
 *   starts at midnight" and "work starts at 09:00" must mean the earliest such instant.
 */
export function localTimeOnDate(date: LocalDate, hhmm: string, timezone: string): Date {
  const day = toUtcDay(date);
  const { hour, minute } = parseClockTime(hhmm);
  const dt = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: timezone });
  if (!dt.isValid) throw new CalendarInputError(`unknown timezone "${timezone}"`);
  const earliest = dt.getPossibleOffsets().reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a));
  return earliest.toJSDate();
}

/** The first instant of `date` in `timezone` (local midnight, or the first instant after a midnight gap). */
export function startOfLocalDay(date: LocalDate, timezone: string): Date {
  return localTimeOnDate(date, '00:00', timezone);
}
