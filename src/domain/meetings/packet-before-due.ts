// Import-time check: does a meeting series post its packet before its departments' numbers are
// due? (A first-Thursday roundtable with a 48-hour lead posts on the Tuesday, before a "5 business
// days after period end" due date.) Such a packet covers the period before; the admin should know.
import { computeDueDate, type DueRule, type LocalDate, lastClosedPeriod, localDateOf } from '../calendar/index.js';
import type { Frequency, PeriodKey, ProgramCalendar } from '../types.js';
import { computePacketTime } from './packet-time.js';
import { isPastDue } from './period-under-review.js';
import { nextOccurrences, type Recurrence, rotationGroupFor } from './recurrence.js';

export interface SeriesTiming {
  name: string;
  recurrence: Recurrence;
  rotation: readonly (readonly string[])[];
  leadHours: number;
}

export interface DepartmentTiming {
  key: string;
  name: string;
  dueRule: DueRule;
  frequencies: readonly Frequency[];
}

export interface PacketBeforeDue {
  series: string;
  department: string;
  meetingAt: Date;
  packetAt: Date;
  /** Local dates of the meeting and its packet, for wording. */
  meetingDay: LocalDate;
  packetDay: LocalDate;
  period: PeriodKey;
  dueDate: LocalDate;
  /** How many of the meetings checked have the same problem for this department. */
  occurrences: number;
  checked: number;
}

/** One finding per series and department: the first affected meeting, and how many of the next `count` are. */
export function findPacketsBeforeDue(input: {
  series: readonly SeriesTiming[];
  departments: readonly DepartmentTiming[];
  calendar: ProgramCalendar;
  sendTime: string;
  now: Date;
  count?: number;
}): PacketBeforeDue[] {
  const { calendar: cal, now } = input;
  const count = input.count ?? 12;
  const byKey = new Map(input.departments.map((d) => [d.key, d]));
  const found = new Map<string, PacketBeforeDue>();
  for (const s of input.series) {
    for (const meetingAt of nextOccurrences(s.recurrence, now, count, cal.timezone)) {
      const packetAt = computePacketTime(meetingAt, s.leadHours, input.sendTime, cal);
      const packetDay = localDateOf(packetAt, cal.timezone);
      for (const key of rotationGroupFor(s.rotation, meetingAt, cal.timezone)) {
        const d = byKey.get(key);
        if (!d) continue;
        const late = d.frequencies
          .map((frequency) => lastClosedPeriod(meetingAt, frequency, cal.timezone))
          .map((period) => ({ period, dueDate: computeDueDate(period, d.dueRule, cal.holidays) }))
          .find((p) => !isPastDue(p.dueDate, packetDay));
        if (late) {
          const { period, dueDate } = late;
          const id = `${s.name}/${key}`;
          const first = found.get(id);
          if (first) first.occurrences++;
          else
            found.set(id, {
              series: s.name,
              department: d.name,
              meetingAt,
              packetAt,
              meetingDay: localDateOf(meetingAt, cal.timezone),
              packetDay,
              period,
              dueDate,
              occurrences: 1,
              checked: count,
            });
        }
      }
    }
  }
  return [...found.values()];
}
