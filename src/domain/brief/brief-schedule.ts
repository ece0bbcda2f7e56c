// The monthly citywide brief: when it goes out and to whom (the program file's `brief:`), and which
// quarter a month's brief reviews. Pure.
import { z } from 'zod';
import { addBusinessDays } from '../calendar/business-days.js';
import type { LocalDate } from '../calendar/local-date.js';
import { nextPeriod, periodContaining, periodStartEnd, previousPeriod } from '../calendar/periods.js';
import type { PeriodKey } from '../types.js';

export const briefSchema = z
  .object({
    /** Day of the month after the one reviewed (rolled forward to a business day). */
    day: z.number({ error: 'must be a day of the month, 1–28' }).int().min(1).max(28),
    /** Local time; default the reminders' send_time. Moved into working hours. */
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as "09:00"')
      .optional(),
    /** A channel the brief is posted to (the cabinet's, the mayor's office's). */
    channel: z
      .string()
      .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C04ABCDEF')
      .optional(),
    /** People who get it by DM (the mayor, the chief of staff). */
    people: z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user id such as U04ABCDEF')).default([]),
  })
  .strict()
  .refine((b) => b.channel !== undefined || b.people.length > 0, {
    message: 'say who gets the brief: a channel, people, or both',
  });

export type BriefFileSettings = z.infer<typeof briefSchema>;

/** The local day a month's brief is sent: `day` of the next month, or the next business day after it. */
export function briefSendDay(month: PeriodKey, day: number, holidays: readonly string[]): LocalDate {
  const next = periodStartEnd(nextPeriod(month)).start;
  return addBusinessDays(`${next.slice(0, 8)}${String(day).padStart(2, '0')}`, 0, holidays);
}

/** The last quarter closed by the end of `month` (Oct → Q3, Dec → Q4). */
export function quarterClosedBy(month: PeriodKey): PeriodKey {
  const end = periodStartEnd(month).end;
  const quarter = periodContaining(end, 'quarterly');
  return periodStartEnd(quarter).end === end ? quarter : previousPeriod(quarter);
}
