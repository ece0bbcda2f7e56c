// Working hours: messages go out only between workdayStart and workdayEnd, on business days, in
// the program's timezone. Windows are computed per day with localTimeOnDate, so a DST change
// (a 23 h or 25 h day) never moves "09:00" off 09:00 local.
import type { ProgramCalendar } from '../types.js';
import { addBusinessDays, isBusinessDay } from './business-days.js';
import { CalendarInputError, type LocalDate } from './local-date.js';
import { localDateOf, localTimeOnDate, parseClockTime } from './zoned-time.js';

/** The working window of one day as instants: [start, end). */
export function workingWindowOn(date: LocalDate, cal: ProgramCalendar): { start: Date; end: Date } {
  const start = parseClockTime(cal.workdayStart);
  const end = parseClockTime(cal.workdayEnd);
  if (start.hour * 60 + start.minute >= end.hour * 60 + end.minute) {
    throw new CalendarInputError(`working hours ${cal.workdayStart}–${cal.workdayEnd} must start before they end`);
  }
  return {
    start: localTimeOnDate(date, cal.workdayStart, cal.timezone),
    end: localTimeOnDate(date, cal.workdayEnd, cal.timezone),
  };
}

export function isWithinWorkingHours(instant: Date, cal: ProgramCalendar): boolean {
  const day = localDateOf(instant, cal.timezone);
  if (!isBusinessDay(day, cal.holidays)) return false;
  const { start, end } = workingWindowOn(day, cal);
  return instant >= start && instant < end;
}

/** The first instant ≥ `candidate` inside working hours: Friday 18:30 → Monday at workdayStart. */
export function nextWorkingInstant(candidate: Date, cal: ProgramCalendar): Date {
  const day = localDateOf(candidate, cal.timezone);
  if (isBusinessDay(day, cal.holidays)) {
    const { start, end } = workingWindowOn(day, cal);
    if (candidate < start) return start;
    if (candidate < end) return candidate;
  }
  return workingWindowOn(addBusinessDays(day, 1, cal.holidays), cal).start;
}

/**
 * When a scheduled message goes out on business day `date`: at `sendTime` if that is within
 * working hours, else at the start of that day's working hours. A send time set outside working
 * hours is a configuration slip; keeping the message on its own day (rather than pushing it to the
 * next business day) keeps a "due today" reminder on the due day.
 */
export function sendInstantOn(date: LocalDate, sendTime: string, cal: ProgramCalendar): Date {
  if (!isBusinessDay(date, cal.holidays)) throw new CalendarInputError(`${date} is not a business day`);
  const at = localTimeOnDate(date, sendTime, cal.timezone);
  const { start, end } = workingWindowOn(date, cal);
  return at >= start && at < end ? at : start;
}
