// When a meeting's packet goes out: `leadHours` before the meeting, moved EARLIER to a working
// time when that lands on a night, weekend or holiday (a Tuesday 10:00 meeting with a 48-hour
// lead gets its packet on Friday, not on Sunday or — later than promised — on Monday).

import { addBusinessDays, isBusinessDay, isWithinWorkingHours, localDateOf, sendInstantOn } from '../calendar/index.js';
import type { ProgramCalendar } from '../types.js';

export function computePacketTime(meetingAt: Date, leadHours: number, sendTime: string, cal: ProgramCalendar): Date {
  const ideal = new Date(meetingAt.getTime() - leadHours * 3_600_000);
  if (isWithinWorkingHours(ideal, cal)) return ideal;
  let day = localDateOf(ideal, cal.timezone);
  if (!isBusinessDay(day, cal.holidays)) day = addBusinessDays(day, -1, cal.holidays);
  const sameDay = sendInstantOn(day, sendTime, cal);
  return sameDay <= ideal ? sameDay : sendInstantOn(addBusinessDays(day, -1, cal.holidays), sendTime, cal);
}
