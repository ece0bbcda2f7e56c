// Saves a department's values in ONE transaction, before Slack is acknowledged: every change is a
// revision (who, when, old, new), a locked period refuses, and a retried submission saves nothing twice.

import type { ValidEntry } from '../../domain/submission/validate-entries.js';
import { isUniqueViolation } from '../../infra/db-errors.js';
import { type Db, DbNull, type PrismaClient } from '../../infra/db-types.js';
import type { Provenance } from '../sources/pull-sources.js';

export type SubmissionOutcome =
  | { kind: 'saved'; changed: number; complete: boolean; firstComplete: boolean; revisions: Revision[] }
  | { kind: 'duplicate' }
  | { kind: 'locked'; lockedAt: Date };

/** A change to a value that had already been saved (what a packet's readers need to hear about). */
export interface Revision {
  metricId: number;
  oldValue: number | null;
  newValue: number | null;
}

export interface SubmissionInput {
  departmentId: number;
  period: string;
  entries: ValidEntry[];
  userId: string;
  now: Date;
  /** Identifies this exact submission (view id + hash): Slack may deliver it twice. */
  interactionKey: string;
  /** Metric ids due this period; the submission is complete when all have a value. */
  dueMetricIds: number[];
  /** Entries that answer a pulled value: its provenance, kept on the value and its revision. */
  provenance?: ReadonlyMap<number, Provenance>;
}

export async function recordSubmission(prisma: PrismaClient, input: SubmissionInput): Promise<SubmissionOutcome> {
  try {
    return await prisma.$transaction((db) => saveInTransaction(db, input), { timeout: 20_000, maxWait: 10_000 });
  } catch (err) {
    if (isUniqueViolation(err)) return { kind: 'duplicate' };
    throw err;
  }
}

async function saveInTransaction(db: Db, input: SubmissionInput): Promise<SubmissionOutcome> {
  const { departmentId, period, now, userId } = input;
  if (await db.processedInteraction.findUnique({ where: { key: input.interactionKey } })) return { kind: 'duplicate' };
  await db.processedInteraction.create({ data: { key: input.interactionKey, createdAt: now } });
  // Row lock: a packet posting that locks the period waits for us, or we see its lock.
  await db.$queryRaw`SELECT id FROM "DepartmentPeriod" WHERE "departmentId" = ${departmentId} AND period = ${period} FOR UPDATE`;
  const obligation = await db.departmentPeriod.findUniqueOrThrow({
    where: { departmentId_period: { departmentId, period } },
  });
  if (obligation.lockedAt) return { kind: 'locked', lockedAt: obligation.lockedAt };

  let changed = 0;
  const revisions: Revision[] = [];
  for (const e of input.entries) {
    const saved = await saveEntry(db, e, period, userId, now, input.provenance?.get(e.metricId) ?? null);
    if (saved.changed) changed++;
    if (saved.revised) revisions.push({ metricId: e.metricId, oldValue: saved.oldValue, newValue: e.value });
  }
  const filled = await db.metricValue.count({ where: { period, metricId: { in: input.dueMetricIds } } });
  const complete = filled >= input.dueMetricIds.length;
  const firstComplete = complete && !obligation.submittedAt;
  if (firstComplete)
    await db.departmentPeriod.update({ where: { id: obligation.id }, data: { submittedAt: now, submittedBy: userId } });
  return { kind: 'saved', changed, complete, firstComplete, revisions };
}

async function saveEntry(
  db: Db,
  e: ValidEntry,
  period: string,
  userId: string,
  now: Date,
  provenance: Provenance | null,
) {
  const old = await db.metricValue.findUnique({ where: { metricId_period: { metricId: e.metricId, period } } });
  if (old && old.value === e.value && old.note === e.note && old.notAvailable === e.notAvailable)
    return { changed: false, revised: false, oldValue: old.value };
  const data = {
    value: e.value,
    note: e.note,
    notAvailable: e.notAvailable,
    submittedBy: userId,
    submittedAt: now,
    provenance: provenance ?? DbNull,
  };
  const row = old
    ? await db.metricValue.update({ where: { id: old.id }, data: { ...data, revision: old.revision + 1 } })
    : await db.metricValue.create({ data: { metricId: e.metricId, period, ...data } });
  await db.metricValueRevision.create({
    data: {
      valueId: row.id,
      revision: row.revision,
      oldValue: old?.value ?? null,
      newValue: e.value,
      oldNote: old?.note ?? null,
      newNote: e.note,
      notAvailable: e.notAvailable,
      changedBy: userId,
      changedAt: now,
      // A pulled value kept as it came is the source's; a changed one is the person's override.
      source: provenance && !provenance.changedByPerson ? 'pull' : 'slack',
      ...(provenance ? { provenance } : {}),
    },
  });
  return { changed: true, revised: old !== null && old.value !== e.value, oldValue: old?.value ?? null };
}
