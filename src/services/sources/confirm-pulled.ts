// "Confirm numbers": a department whose due values were all pulled confirms them in one click. The
// pulled values go through the same checks as typed ones; if any needs an explanation (off target)
// or a second look, or a value is missing, the person gets the form instead.
import { validateEntries } from '../../domain/submission/validate-entries.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { FormRefusal } from '../../views/submission-modal.js';
import { entryInputOf } from '../collection/metric-context.js';
import { recordSubmission } from '../collection/record-submission.js';
import { prepareSubmissionForm } from '../collection/submission-form.js';
import type { Provenance } from './pull-sources.js';

export type ConfirmOutcome =
  | { kind: 'saved'; duplicate: boolean; departmentId: number; period: string }
  | { kind: 'needs_form'; why: 'not_all_pulled' | 'explanation_needed' | 'unusual_value' }
  | { kind: 'refused'; reason: FormRefusal };

export interface ConfirmRequest {
  userId: string;
  departmentId: number;
  period: string;
  interactionKey: string;
  now: Date;
}

export async function confirmPulledNumbers(prisma: PrismaClient, req: ConfirmRequest): Promise<ConfirmOutcome> {
  const prepared = await prepareSubmissionForm(prisma, req);
  if (prepared.kind === 'refused') return { kind: 'refused', reason: prepared.reason };
  const { contexts, pulls } = prepared;
  const offered = contexts.map((c) => ({ c, pull: pulls.get(c.id) }));
  if (offered.some(({ pull }) => pull?.status !== 'ok' || pull.value === null || !pull.provenance))
    return { kind: 'needs_form', why: 'not_all_pulled' };
  const result = validateEntries(
    offered.map(({ c, pull }) =>
      entryInputOf(c, { value: String(pull!.value), note: pull!.note ?? undefined, notAvailable: false }),
    ),
    new Map(),
  );
  if (result.errors.length) return { kind: 'needs_form', why: 'explanation_needed' };
  if (result.unusual.length) return { kind: 'needs_form', why: 'unusual_value' };
  const provenance = new Map<number, Provenance>(offered.map(({ c, pull }) => [c.id, pull!.provenance!]));
  const outcome = await recordSubmission(prisma, {
    departmentId: req.departmentId,
    period: req.period,
    entries: result.entries,
    userId: req.userId,
    now: req.now,
    interactionKey: req.interactionKey,
    dueMetricIds: contexts.map((c) => c.id),
    provenance,
  });
  if (outcome.kind === 'locked')
    return { kind: 'refused', reason: { kind: 'locked_while_open', periodLabel: prepared.form.periodLabel } };
  return { kind: 'saved', duplicate: outcome.kind === 'duplicate', departmentId: req.departmentId, period: req.period };
}
