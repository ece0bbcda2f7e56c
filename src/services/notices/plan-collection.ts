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
import { chairs, membersByDepartment } from '../actors.js';
import { ensureDepartmentPeriods } from '../collection/department-period.js';
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

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters (6 per row). */
const INSERT_CHUNK = 2_000;

export async function planCollectionNotices(db: Db, now: Date): Promise<number> {
  const settings = await loadProgramSettings(db);
  const departments = await db.department.findMany({
    where: { active: true },
    include: { metrics: { where: { active: true }, select: { frequency: true } } },
  });
  // Read everything once and insert in bulk: a program of 1,000 liaisons is ~8,000 rows, and a
  // query per department and row took seconds before the first DM (issue 11).
  const ids = departments.map((d) => d.id);
  const liaisons = await membersByDepartment(db, ids, 'liaison');
  const heads = await membersByDepartment(db, ids, 'head');
  const chairIds = await chairs(db);
  const rows: NoticeRow[] = [];
  for (const frequency of ['monthly', 'quarterly'] as Frequency[]) {
    const period = lastClosedPeriod(now, frequency, settings.calendar.timezone);
    const due = departments.filter(
      (d) => d.metrics.some((m) => m.frequency === frequency) && isCollectedPeriod(period, d.startsWith),
    );
    if (due.length === 0) continue;
    const obligations = await ensureDepartmentPeriods(db, due, period, settings);
    const openAt = computeOpeningDate(period, settings.calendar.holidays);
    for (const d of due) {
      const obligation = obligations.get(d.id)!;
      if (obligation.submittedAt) continue;
      const steps = buildReminderLadder({
        subjectKey: `collect:${d.key}:${period}`,
        openAt,
        dueDate: obligation.dueDate,
        settings: settings.reminders,
        calendar: settings.calendar,
      });
      const escalateTo = [...new Set([...(heads.get(d.id) ?? []), ...chairIds])];
      for (const s of steps)
        for (const recipient of s.step === 'escalation' ? escalateTo : (liaisons.get(d.id) ?? []))
          rows.push({
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
          });
    }
  }
  let created = 0;
  // skipDuplicates on the unique key keeps planning idempotent, on one replica or two at once.
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    created += (await db.scheduledNotice.createMany({ data: rows.slice(i, i + INSERT_CHUNK), skipDuplicates: true }))
      .count;
  return created;
}

interface NoticeRow {
  key: string;
  kind: string;
  recipient: string;
  sendAt: Date;
  payload: CollectionPayload;
}
