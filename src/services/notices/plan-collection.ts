// Plans the collection reminder ladder for the periods that have closed: one row per step and
// recipient, created ahead of time with a unique key, so planning twice (or on two replicas)
// creates nothing new and a restart knows exactly what is still to send. A period before the
// department's first period (starts_with) is never planned: nobody was ever asked for it.
import { z } from 'zod';
import {
  buildReminderLadder,
  computeOpeningDate,
  LADDER_STEPS,
  lastClosedPeriod,
} from '../../domain/calendar/index.js';
import { isCollectedPeriod } from '../../domain/program/starts-with.js';
import type { Frequency } from '../../domain/types.js';
import type { Db } from '../../infra/db-types.js';
import { chairs, membersOf } from '../actors.js';
import { ensureDepartmentPeriod } from '../collection/department-period.js';
import { loadProgramSettings } from '../program-settings.js';

/** What a collection notice row carries; read back through this schema, never trusted as-is. */
export const collectionPayloadSchema = z.object({
  departmentId: z.number().int(),
  period: z.string(),
  step: z.enum(LADDER_STEPS),
  dueDate: z.string(),
  /** As planned; the message counts the days late when it is sent (a catch-up may be later). */
  businessDaysLate: z.number().int(),
  /** After this instant the step is stale and is skipped (see domain/calendar/stale-steps.ts). */
  expiresAt: z.string().nullable(),
});
export type CollectionPayload = z.infer<typeof collectionPayloadSchema>;

export async function planCollectionNotices(db: Db, now: Date): Promise<number> {
  const settings = await loadProgramSettings(db);
  const departments = await db.department.findMany({
    where: { active: true },
    include: { metrics: { where: { active: true }, select: { frequency: true } } },
  });
  let created = 0;
  for (const frequency of ['monthly', 'quarterly'] as Frequency[]) {
    const period = lastClosedPeriod(now, frequency, settings.calendar.timezone);
    for (const d of departments.filter((x) => x.metrics.some((m) => m.frequency === frequency))) {
      if (!isCollectedPeriod(period, d.startsWith)) continue;
      const obligation = await ensureDepartmentPeriod(db, d, period, settings);
      if (obligation.submittedAt) continue;
      const openAt = computeOpeningDate(period, settings.calendar.holidays);
      const steps = buildReminderLadder({
        subjectKey: `collect:${d.key}:${period}`,
        openAt,
        dueDate: obligation.dueDate,
        settings: settings.reminders,
        calendar: settings.calendar,
      });
      const liaisons = await membersOf(db, d.id, 'liaison');
      const escalateTo = [...new Set([...(await membersOf(db, d.id, 'head')), ...(await chairs(db))])];
      const rows = steps.flatMap((s) =>
        (s.step === 'escalation' ? escalateTo : liaisons).map((recipient) => ({
          key: `${s.key}:${recipient}`,
          kind: `collect_${s.step}`,
          recipient,
          sendAt: s.sendAt,
          payload: {
            departmentId: d.id,
            period,
            step: s.step,
            dueDate: obligation.dueDate,
            businessDaysLate: s.businessDaysLate,
            expiresAt: s.expiresAt?.toISOString() ?? null,
          } satisfies CollectionPayload,
        })),
      );
      if (rows.length) created += (await db.scheduledNotice.createMany({ data: rows, skipDuplicates: true })).count;
    }
  }
  return created;
}
