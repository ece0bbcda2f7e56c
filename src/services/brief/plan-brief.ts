// Plans the monthly citywide brief: one notice per month (key `brief:<month>`), sent on the
// program's brief day of the following month; planning twice creates nothing new. Who gets it is
// read when it is sent, so a changed `brief:` reaches the people named now.
import { z } from 'zod';
import { briefSendDay } from '../../domain/brief/brief-schedule.js';
import { lastClosedPeriod, sendInstantOn } from '../../domain/calendar/index.js';
import type { Db } from '../../infra/db-types.js';
import { loadProgramSettings } from '../program-settings.js';

export const BRIEF_NOTICE_KIND = 'brief';
export const briefPayloadSchema = z.object({ month: z.string() });

export async function planBriefNotices(db: Db, now: Date): Promise<number> {
  const settings = await loadProgramSettings(db);
  const brief = settings.brief;
  if (!brief) return 0;
  const month = lastClosedPeriod(now, 'monthly', settings.calendar.timezone);
  // Nothing was collected before the first period: no brief about it.
  const starts = (await db.department.findMany({ where: { active: true }, select: { startsWith: true } }))
    .map((d) => d.startsWith)
    .filter((s): s is string => !!s && !s.includes('Q'))
    .sort();
  if (starts[0] && month < starts[0]) return 0;
  const day = briefSendDay(month, brief.day, settings.calendar.holidays);
  const sendAt = sendInstantOn(day, brief.time ?? settings.reminders.sendTime, settings.calendar);
  const recipient = brief.channel ?? brief.people[0] ?? '';
  const { count } = await db.scheduledNotice.createMany({
    data: [{ key: `brief:${month}`, kind: BRIEF_NOTICE_KIND, recipient, sendAt, payload: { month } }],
    skipDuplicates: true,
  });
  return count;
}
