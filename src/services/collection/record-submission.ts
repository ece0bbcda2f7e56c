// Saves a department's values in ONE transaction, before Slack is acknowledged: every change is a
// revision (who, when, old, new), a locked period refuses, and a retried submission saves nothing twice.

import type { ValidEntry } from '../../domain/submission/validate-entries.js';
import { isUniqueViolation } from '../../infra/db-errors.js';
import type { Db, PrismaClient } from '../../infra/db-types.js';
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

/**
 * A handful of statements whatever the number of entries (issue 11: one SELECT, INSERT or UPDATE per
 * entry and revision kept the transaction open for ~20 round trips, and PGlite serves one session at
 * a time, so 50 concurrent forms queued behind each other): claim the interaction key and lock the
 * period, read its values, write every changed value and its revision in one statement.
 */
async function saveInTransaction(db: Db, input: SubmissionInput): Promise<SubmissionOutcome> {
  const { departmentId, period, now, userId } = input;
  // One statement claims the interaction key and locks the period's row. Slack's retry of this
  // exact submission finds the key taken (or being taken by a transaction still open, which ON
  // CONFLICT waits for), so nothing is written twice. The row lock: a packet posting that locks
  // the period waits for us, or we see its lock.
  const [obligation] = await db.$queryRaw<
    { id: number; lockedAt: Date | null; submittedAt: Date | null; claimed: boolean }[]
  >`
    WITH claim AS (
      INSERT INTO "ProcessedInteraction" (key, "createdAt") VALUES (${input.interactionKey}, ${now.toISOString()}::timestamp(3))
      ON CONFLICT (key) DO NOTHING RETURNING key
    )
    SELECT id, "lockedAt", "submittedAt", EXISTS (SELECT 1 FROM claim) AS claimed FROM "DepartmentPeriod"
    WHERE "departmentId" = ${departmentId} AND period = ${period} FOR UPDATE`;
  if (obligation && !obligation.claimed) return { kind: 'duplicate' };
  if (!obligation) throw new Error(`no obligation for department ${departmentId} in ${period}`);
  if (obligation.lockedAt) return { kind: 'locked', lockedAt: obligation.lockedAt };

  const metricIds = [...new Set([...input.dueMetricIds, ...input.entries.map((e) => e.metricId)])];
  const existing = await db.metricValue.findMany({ where: { period, metricId: { in: metricIds } } });
  const old = new Map(existing.map((v) => [v.metricId, v]));
  const changes = input.entries.filter((e) => {
    const was = old.get(e.metricId);
    return !(was && was.value === e.value && was.note === e.note && was.notAvailable === e.notAvailable);
  });
  await writeChanges(db, input, changes, old);

  const revisions: Revision[] = changes
    .filter((e) => old.has(e.metricId) && old.get(e.metricId)!.value !== e.value)
    .map((e) => ({ metricId: e.metricId, oldValue: old.get(e.metricId)!.value, newValue: e.value }));
  const filled = new Set([...old.keys(), ...changes.map((e) => e.metricId)]);
  const complete = input.dueMetricIds.every((id) => filled.has(id));
  const firstComplete = complete && !obligation.submittedAt;
  if (firstComplete)
    await db.departmentPeriod.update({ where: { id: obligation.id }, data: { submittedAt: now, submittedBy: userId } });
  return { kind: 'saved', changed: changes.length, complete, firstComplete, revisions };
}

/**
 * Every changed value (inserted, or updated with its revision number raised) and its revision row,
 * in one statement: the entries travel as one JSON array, so the statement's shape (and Prisma's
 * compiled plan) is the same whatever their number.
 */
async function writeChanges(
  db: Db,
  input: SubmissionInput,
  changes: readonly ValidEntry[],
  old: ReadonlyMap<number, { value: number | null; note: string | null }>,
): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((e) => {
    const provenance = input.provenance?.get(e.metricId) ?? null;
    return {
      metricId: e.metricId,
      value: e.value,
      note: e.note,
      notAvailable: e.notAvailable,
      provenance,
      oldValue: old.get(e.metricId)?.value ?? null,
      oldNote: old.get(e.metricId)?.note ?? null,
      // A pulled value kept as it came is the source's; a changed one is the person's override.
      source: provenance && !provenance.changedByPerson ? 'pull' : 'slack',
    };
  });
  const at = input.now.toISOString(); // stored as UTC, as Prisma stores DateTimes
  await db.$executeRaw`
    WITH entry AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS e(
        "metricId" int, value float8, note text, "notAvailable" boolean, provenance jsonb,
        "oldValue" float8, "oldNote" text, source text)
    ), saved AS (
      INSERT INTO "MetricValue" ("metricId", period, value, note, "notAvailable", "submittedBy", "submittedAt", provenance)
      SELECT "metricId", ${input.period}, value, note, "notAvailable", ${input.userId}, ${at}::timestamp(3), provenance
      FROM entry
      ON CONFLICT ("metricId", period) DO UPDATE SET
        value = EXCLUDED.value, note = EXCLUDED.note, "notAvailable" = EXCLUDED."notAvailable",
        "submittedBy" = EXCLUDED."submittedBy", "submittedAt" = EXCLUDED."submittedAt",
        provenance = EXCLUDED.provenance, revision = "MetricValue".revision + 1
      RETURNING id, "metricId", revision
    )
    INSERT INTO "MetricValueRevision"
      ("valueId", revision, "oldValue", "newValue", "oldNote", "newNote", "notAvailable", "changedBy", "changedAt", source, provenance)
    SELECT saved.id, saved.revision, e."oldValue", e.value, e."oldNote", e.note, e."notAvailable",
      ${input.userId}, ${at}::timestamp(3), e.source, e.provenance
    FROM saved JOIN entry e ON e."metricId" = saved."metricId"`;
}
