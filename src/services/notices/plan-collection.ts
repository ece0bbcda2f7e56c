// Plans the collection reminder ladder for the periods that have closed: one row per step and
// recipient, created ahead of time with a unique key, so planning twice (or on two replicas)
// creates nothing new and a restart knows exactly what is still to send. A period before the
// department's first period (starts_with) is never planned: nobody was ever asked for it.
import { z } from 'zod';
import {
  buildReminderLadder,
  computeOpeningDate,
  LADDER_STEPS,
  type LadderStep,
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
  /** The step's own send time as planned (the row's sendAt moves when delivery puts it off). */
  sendAt: z.string().optional(),
});
export type CollectionPayload = z.infer<typeof collectionPayloadSchema>;

export async function planCollectionNotices(db: Db, now: Date): Promise<number> {
  const settings = await loadProgramSettings(db);
  const departments = await db.department.findMany({
    where: { active: true },
    include: { metrics: { where: { active: true }, select: { frequency: true } } },
  });
  // Read everything once and insert in bulk: a program of 1,000 liaisons is ~8,000 rows, and a
  // query per department and row took seconds before the first DM (issue 11).
  const ids = departments.map((d) => d.id);
  const { liaison: liaisons, head: heads } = await membersByDepartment(db, ids);
  const chairIds = await chairs(db);
  const plan: LadderPlan = { steps: [], recipients: [] };
  for (const frequency of ['monthly', 'quarterly'] as Frequency[]) {
    const period = lastClosedPeriod(now, frequency, settings.calendar.timezone);
    const due = departments.filter(
      (d) => d.metrics.some((m) => m.frequency === frequency) && isCollectedPeriod(period, d.startsWith),
    );
    if (due.length === 0) continue;
    const obligations = await ensureDepartmentPeriods(db, due, period, settings);
    const openAt = computeOpeningDate(period, settings.calendar.holidays);
    // Departments mostly share a due date, and the ladder depends on nothing else (the zone
    // arithmetic took over a second for 100 departments): one ladder per due date, keyed per
    // department below (a step's key is the subject key followed by `:<step name>`).
    const ladders = new Map<string, LadderStep[]>();
    const ladderFor = (dueDate: string) => {
      let ladder = ladders.get(dueDate);
      if (!ladder) {
        ladder = buildReminderLadder({
          subjectKey: '',
          openAt,
          dueDate,
          settings: settings.reminders,
          calendar: settings.calendar,
        });
        ladders.set(dueDate, ladder);
      }
      return ladder;
    };
    for (const d of due) {
      const obligation = obligations.get(d.id)!;
      if (obligation.submittedAt) continue;
      const subjectKey = `collect:${d.key}:${period}`;
      const liaisonGroup = addRecipients(plan, liaisons.get(d.id) ?? []);
      const escalationGroup = addRecipients(plan, [...new Set([...(heads.get(d.id) ?? []), ...chairIds])]);
      for (const s of ladderFor(obligation.dueDate))
        plan.steps.push({
          keyPrefix: `${subjectKey}${s.key}:`,
          kind: `collect_${s.step}`,
          sendAt: s.sendAt,
          recipientGroup: s.step === 'escalation' ? escalationGroup : liaisonGroup,
          payload: {
            departmentId: d.id,
            period,
            step: s.step,
            dueDate: obligation.dueDate,
            businessDaysLate: s.businessDaysLate,
            expiresAt: s.expiresAt?.toISOString() ?? null,
            sendAt: s.sendAt.toISOString(),
          } satisfies CollectionPayload,
        });
    }
  }
  return insertNotices(db, plan);
}

/** A recipient group's number (SQL counts from 1); an empty group plans no rows for its steps. */
function addRecipients(plan: LadderPlan, recipients: readonly string[]): number {
  const group = plan.recipients.length + 1;
  plan.recipients.push(recipients);
  return group;
}

/**
 * One INSERT of arrays (unnest): Prisma's createMany sends a parameter per cell, and 8,000 rows of
 * those took seconds on PGlite. A row is a step (of one department) times each recipient of its
 * group, so the database makes the ~8,000 rows from ~800 steps and ~1,200 recipients: sending (and
 * parsing) a key, kind, time and payload per row took most of the planning time (issue 11). ON
 * CONFLICT on the unique key keeps planning idempotent, on one replica or two at once. sendAt is
 * stored as UTC, as Prisma stores DateTimes.
 */
async function insertNotices(db: Db, plan: LadderPlan): Promise<number> {
  const { steps } = plan;
  if (steps.length === 0) return 0;
  const members = plan.recipients.flatMap((list, i) => list.map((recipient) => ({ group: i + 1, recipient })));
  if (members.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO "ScheduledNotice" (key, kind, recipient, "sendAt", payload)
    SELECT step."keyPrefix" || member.recipient, step.kind, member.recipient, step."sendAt", step.payload
    FROM unnest(
      ${steps.map((s) => s.keyPrefix)}::text[],
      ${steps.map((s) => s.kind)}::text[],
      ${steps.map((s) => s.sendAt.toISOString())}::timestamp(3)[],
      ${steps.map((s) => JSON.stringify(s.payload))}::jsonb[],
      ${steps.map((s) => s.recipientGroup)}::int[]
    ) WITH ORDINALITY AS step("keyPrefix", kind, "sendAt", payload, "group", n)
    JOIN unnest(
      ${members.map((m) => m.group)}::int[],
      ${members.map((m) => m.recipient)}::text[]
    ) WITH ORDINALITY AS member("group", recipient, n) ON member."group" = step."group"
    ORDER BY step.n, member.n
    ON CONFLICT (key) DO NOTHING`;
}

interface LadderPlan {
  steps: PlannedStep[];
  /** Recipient groups: a department's liaisons, or whom its escalation goes to. */
  recipients: (readonly string[])[];
}

interface PlannedStep {
  /** The row's key up to its recipient: `collect:<department>:<period>:<step>:`. */
  keyPrefix: string;
  kind: string;
  sendAt: Date;
  recipientGroup: number;
  payload: CollectionPayload;
}
