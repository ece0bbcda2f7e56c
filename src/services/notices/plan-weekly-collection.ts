// Weekly collection (README, "Weekly metrics"): when an ISO week closes, each liaison of a
// department with weekly metrics gets ONE DM for the week listing everything due from all their
// departments (never one per metric or per department), and one reminder on the due day if
// something is still missing: the monthly ladder, shortened to fit a week. Planned idempotently
// (keys `weekly:<week>:<step>:<person>`), decided when sent.
import { z } from 'zod';
import { computeOpeningDate, lastClosedPeriod, sendInstantOn } from '../../domain/calendar/index.js';
import { isCollectedPeriod } from '../../domain/program/starts-with.js';
import type { Db } from '../../infra/db-types.js';
import { ensureDepartmentPeriod } from '../collection/department-period.js';
import { loadProgramSettings } from '../program-settings.js';

export const WEEKLY_NOTICE_KIND = 'collect_weekly';
export const weeklyPayloadSchema = z.object({
  week: z.string(),
  step: z.enum(['opening', 'due']),
  dueDate: z.string(),
});

export async function planWeeklyCollection(db: Db, now: Date): Promise<number> {
  const settings = await loadProgramSettings(db);
  const week = lastClosedPeriod(now, 'weekly', settings.calendar.timezone);
  const departments = await db.department.findMany({
    where: { active: true, metrics: { some: { active: true, frequency: 'weekly' } } },
    include: { members: { where: { role: 'liaison' }, include: { person: true } } },
  });
  const rows: {
    key: string;
    kind: string;
    recipient: string;
    sendAt: Date;
    payload: z.infer<typeof weeklyPayloadSchema>;
  }[] = [];
  for (const d of departments) {
    if (!isCollectedPeriod(week, d.startsWith)) continue;
    const obligation = await ensureDepartmentPeriod(db, d, week, settings);
    if (obligation.submittedAt) continue;
    const steps = [
      { step: 'opening' as const, day: computeOpeningDate(week, settings.calendar.holidays) },
      { step: 'due' as const, day: obligation.dueDate },
    ];
    for (const member of d.members)
      for (const s of steps)
        rows.push({
          key: `weekly:${week}:${s.step}:${member.person.slackUserId}`,
          kind: WEEKLY_NOTICE_KIND,
          recipient: member.person.slackUserId,
          sendAt: sendInstantOn(s.day, settings.reminders.sendTime, settings.calendar),
          payload: { week, step: s.step, dueDate: obligation.dueDate },
        });
  }
  if (rows.length === 0) return 0;
  return (await db.scheduledNotice.createMany({ data: rows, skipDuplicates: true })).count;
}
