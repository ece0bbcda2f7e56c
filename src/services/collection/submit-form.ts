// One submitted page of the numbers form, from Slack's raw state to a decision: inline errors,
// a second look at unusual values, the next page, or saved. Shared by the handler and tests.

import { formatPeriodLabel } from '../../domain/calendar/index.js';
import { type EntryProblem, validateEntries } from '../../domain/submission/validate-entries.js';
import { classifyStatus } from '../../domain/variance.js';
import type { PrismaClient } from '../../infra/db-types.js';
import { MESSAGES } from '../../views/messages.js';
import type { Confirmation } from '../../views/submission-confirmation.js';
import {
  metricsOnPage,
  pageCount,
  parseSubmissionState,
  type SubmissionForm,
  type SubmissionMetadata,
} from '../../views/submission-modal.js';
import { type Revision, recordSubmission } from './record-submission.js';
import { prepareSubmissionForm } from './submission-form.js';

export type SubmitOutcome =
  | { kind: 'errors'; problems: EntryProblem[] }
  | { kind: 'show'; form: SubmissionForm; revisions?: Revision[]; departmentId?: number; period?: string }
  | { kind: 'saved'; duplicate: boolean; revisions: Revision[]; departmentId: number; period: string }
  | { kind: 'rejected'; message: string };

export interface SubmitRequest {
  userId: string;
  metadata: SubmissionMetadata;
  state: unknown;
  interactionKey: string;
  now: Date;
}

export async function submitNumbersPage(prisma: PrismaClient, req: SubmitRequest): Promise<SubmitOutcome> {
  const { d: departmentId, p: period, pg: page } = req.metadata;
  // prepareSubmissionForm checks the permission (and names the department refused) for the form and this page alike.
  const prepared = await prepareSubmissionForm(prisma, {
    userId: req.userId,
    departmentId,
    period,
    page,
    now: req.now,
  });
  if (prepared.kind === 'refused') return { kind: 'rejected', message: prepared.message };
  if (page >= pageCount(prepared.contexts.length)) return { kind: 'rejected', message: MESSAGES.somethingWentWrong };
  const onPage = metricsOnPage(prepared.contexts, page);
  const submitted = new Map(parseSubmissionState(req.state).map((s) => [s.metricId, s]));
  const confirmed = new Map(req.metadata.c);
  const result = validateEntries(
    onPage.map((c) => ({
      metricId: c.id,
      rule: c.rule,
      target: c.target,
      usualRange: c.usualRange,
      raw: submitted.get(c.id) ?? { notAvailable: false },
    })),
    confirmed,
  );
  if (result.errors.length) return { kind: 'errors', problems: result.errors };
  if (result.unusual.length) {
    // Shown once: the re-rendered form keeps what was typed and remembers it was asked.
    const typed = new Map(result.entries.map((e) => [e.metricId, e]));
    const form = prepared.form;
    form.metrics = form.metrics.map((m) => (typed.has(m.id) ? { ...m, saved: typed.get(m.id)! } : m));
    form.confirmed = [...confirmed.entries(), ...result.unusual.map((u) => [u.metricId, u.value] as [number, number])];
    form.warnings = result.unusual.map((u) => `${onPage.find((c) => c.id === u.metricId)?.name}: ${u.message}`);
    return { kind: 'show', form };
  }
  const outcome = await recordSubmission(prisma, {
    departmentId,
    period,
    entries: result.entries,
    userId: req.userId,
    now: req.now,
    interactionKey: req.interactionKey,
    dueMetricIds: prepared.contexts.map((c) => c.id),
  });
  if (outcome.kind === 'locked')
    return { kind: 'rejected', message: MESSAGES.staleFormLocked(formatPeriodLabel(period)) };
  if (outcome.kind === 'duplicate') return { kind: 'saved', duplicate: true, revisions: [], departmentId, period };
  if (page + 1 < pageCount(prepared.contexts.length)) {
    const next = await prepareSubmissionForm(prisma, {
      userId: req.userId,
      departmentId,
      period,
      page: page + 1,
      now: req.now,
    });
    if (next.kind === 'form')
      return { kind: 'show', form: next.form, revisions: outcome.revisions, departmentId, period };
  }
  // The confirmation is built after the ack (buildConfirmation): Slack waits only for the save.
  return { kind: 'saved', duplicate: false, revisions: outcome.revisions, departmentId, period };
}

export async function buildConfirmation(
  prisma: PrismaClient,
  userId: string,
  departmentId: number,
  period: string,
  now: Date,
): Promise<Confirmation | null> {
  const fresh = await prepareSubmissionForm(prisma, { userId, departmentId, period, now });
  if (fresh.kind !== 'form') return null;
  const rows = fresh.contexts.filter((c) => c.current);
  return {
    departmentId,
    departmentName: fresh.form.departmentName,
    period,
    periodLabel: fresh.form.periodLabel,
    revised: rows.some((c) => (c.current?.revision ?? 1) > 1),
    missing: fresh.contexts.filter((c) => !c.current).map((c) => c.name),
    rows: rows.map((c) => ({
      name: c.name,
      unit: c.unit,
      rule: c.rule,
      target: c.target,
      value: c.current!.value,
      notAvailable: c.current!.notAvailable,
      note: c.current!.note,
      status: c.current!.notAvailable ? 'no_data' : classifyStatus(c.current!.value, c.target, c.rule),
    })),
  };
}
