// Roundtable recurrences such as "second Tuesday 10:00" or "last Thursday 14:30": one meeting a
// month, at a local time in the program's timezone. Pure: the reference instant is passed in.
import { DateTime } from 'luxon';

const ORDINALS = { first: 1, second: 2, third: 3, fourth: 4, last: -1 } as const;
const WEEKDAYS = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5 } as const;

export interface Recurrence {
  ordinal: number; // 1–4, or -1 for last
  weekday: number; // 1 = Monday … 5 = Friday
  hour: number;
  minute: number;
}

export type RecurrenceResult = { ok: true; value: Recurrence } | { ok: false; message: string };

export function parseRecurrence(text: string): RecurrenceResult {
  const m =
    /^\s*(first|second|third|fourth|last)\s+(monday|tuesday|wednesday|thursday|friday)s?\s+(?:at\s+)?([01]?\d|2[0-3]):([0-5]\d)\s*$/i.exec(
      text,
    );
  if (!m)
    return { ok: false, message: `"${text.slice(0, 40)}" is not a recurrence; write it like "second Tuesday 10:00"` };
  return {
    ok: true,
    value: {
      ordinal: ORDINALS[m[1]!.toLowerCase() as keyof typeof ORDINALS],
      weekday: WEEKDAYS[m[2]!.toLowerCase() as keyof typeof WEEKDAYS],
      hour: Number(m[3]),
      minute: Number(m[4]),
    },
  };
}

/** The meeting instant in a given month (year, 1–12). */
export function occurrenceInMonth(rule: Recurrence, year: number, month: number, timezone: string): Date {
  const first = DateTime.fromObject({ year, month, day: 1, hour: rule.hour, minute: rule.minute }, { zone: timezone });
  let day: DateTime;
  if (rule.ordinal > 0) {
    const offset = (rule.weekday - first.weekday + 7) % 7;
    day = first.plus({ days: offset + (rule.ordinal - 1) * 7 });
  } else {
    const last = first.endOf('month').set({ hour: rule.hour, minute: rule.minute, second: 0, millisecond: 0 });
    day = last.minus({ days: (last.weekday - rule.weekday + 7) % 7 });
  }
  return day.toJSDate();
}

/** The next `count` meetings strictly after `after`. */
export function nextOccurrences(rule: Recurrence, after: Date, count: number, timezone: string): Date[] {
  const out: Date[] = [];
  let cursor = DateTime.fromJSDate(after, { zone: timezone }).startOf('month');
  while (out.length < count) {
    const at = occurrenceInMonth(rule, cursor.year, cursor.month, timezone);
    if (at > after) out.push(at);
    cursor = cursor.plus({ months: 1 });
  }
  return out;
}

/** Which rotation group meets in a month: stable, derived from the calendar, not from history. */
export function rotationGroupFor<T>(rotation: readonly T[], meetingAt: Date, timezone: string): T {
  const local = DateTime.fromJSDate(meetingAt, { zone: timezone });
  return rotation[(local.year * 12 + local.month - 1) % rotation.length]!;
}
