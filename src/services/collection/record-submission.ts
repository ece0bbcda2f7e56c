// Saves a department's values in ONE statement, before Slack is acknowledged: every change is a
// revision (who, when, old, new), a locked period refuses, and a retried submission saves nothing twice.

import type { ValidEntry } from '../../domain/submission/validate-entries.js';
import type { Db } from '../../infra/db-types.js';
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

/**
 * One call of the database function `stat_record_submission` (its migration holds the SQL): the
 * claim of the interaction key, the period's row lock, the values read after it, every changed
 * value and its revision, and the obligation marked submitted. As one statement it is its own
 * transaction, all or nothing, and one round trip (issue 11: as an interactive transaction it was
 * six, and held the embedded database's one session, and the period's lock on PostgreSQL, across
 * each of them while the bot's thread was busy with the other requests of a burst).
 */
export async function recordSubmission(db: Db, input: SubmissionInput): Promise<SubmissionOutcome> {
  const entries = input.entries.map((e, i) => {
    const provenance = input.provenance?.get(e.metricId) ?? null;
    return {
      i,
      metricId: e.metricId,
      value: e.value,
      note: e.note,
      notAvailable: e.notAvailable,
      provenance,
      // A pulled value kept as it came is the source's; a changed one is the person's override.
      source: provenance && !provenance.changedByPerson ? 'pull' : 'slack',
    };
  });
  const call = {
    interactionKey: input.interactionKey,
    departmentId: input.departmentId,
    period: input.period,
    userId: input.userId,
    now: input.now.toISOString(), // stored as UTC, as Prisma stores DateTimes
    dueMetricIds: input.dueMetricIds,
    entries,
  };
  // A duplicate is the function's own answer (its claim is ON CONFLICT DO NOTHING, and the values
  // and revisions are written under the period's lock), so any error here is a real failure.
  const [row] = await db.$queryRaw<{ outcome: StoredOutcome }[]>`
    SELECT stat_record_submission(${JSON.stringify(call)}::jsonb) AS outcome`;
  const outcome = row!.outcome;
  // The database writes a timestamp as local ISO text without its zone: it is UTC.
  return outcome.kind === 'locked' ? { kind: 'locked', lockedAt: new Date(`${outcome.lockedAt}Z`) } : outcome;
}

type StoredOutcome = Exclude<SubmissionOutcome, { kind: 'locked' }> | { kind: 'locked'; lockedAt: string };
