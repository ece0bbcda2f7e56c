// One submitted page of the numbers form, already parsed by its view, to a decision: inline
// errors, a second look at unusual values, the next page, or saved. Shared by the handler and tests.

import { formatWithUnit } from '../../domain/number-format.js';
import { checkOverrides, isOverride, type PulledOffer } from '../../domain/sources/overrides.js';
import { itemsOnPage, pageCount } from '../../domain/submission/form-pages.js';
import { type EntryProblem, type ValidEntry, validateEntries } from '../../domain/submission/validate-entries.js';
import { classifyStatus } from '../../domain/variance.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { Confirmation } from '../../views/submission-confirmation.js';
import type { FormRefusal, SubmissionForm } from '../../views/submission-modal.js';
import type { FormPull } from '../sources/form-pulls.js';
import type { Provenance } from '../sources/pull-sources.js';
import { entryInputOf } from './metric-context.js';
import { type Revision, recordSubmission } from './record-submission.js';
import { prepareSubmissionForm } from './submission-form.js';

export type SubmitOutcome =
  | { kind: 'errors'; problems: EntryProblem[] }
  | { kind: 'show'; form: SubmissionForm; revisions?: Revision[]; departmentId?: number; period?: string }
  | { kind: 'saved'; duplicate: boolean; revisions: Revision[]; departmentId: number; period: string }
  | { kind: 'rejected'; reason: FormRefusal };

export interface SubmitRequest {
  userId: string;
  departmentId: number;
  period: string;
  page: number;
  /** Unusual values already asked about (metric id → value), carried by the form. */
  confirmed: [number, number][];
  /** What was typed on this page, by metric. */
  entries: { metricId: number; value?: string; note?: string; notAvailable: boolean }[];
  /** How many metrics one page of the form shows (the view decides, from Slack's limits). */
  metricsPerPage: number;
  interactionKey: string;
  now: Date;
}

export async function submitNumbersPage(prisma: PrismaClient, req: SubmitRequest): Promise<SubmitOutcome> {
  const { departmentId, period, page, metricsPerPage } = req;
  // prepareSubmissionForm checks the permission (and names the department refused) for the form and this page alike.
  const prepared = await prepareSubmissionForm(prisma, {
    userId: req.userId,
    departmentId,
    period,
    page,
    now: req.now,
  });
  if (prepared.kind === 'refused') return { kind: 'rejected', reason: prepared.reason };
  const pages = pageCount(prepared.contexts.length, metricsPerPage);
  if (page >= pages) return { kind: 'rejected', reason: { kind: 'stale_form' } };
  const onPage = itemsOnPage(prepared.contexts, page, metricsPerPage);
  const submitted = new Map(req.entries.map((s) => [s.metricId, s]));
  const confirmed = new Map(req.confirmed);
  const result = validateEntries(
    onPage.map((c) => entryInputOf(c, submitted.get(c.id) ?? { notAvailable: false })),
    confirmed,
  );
  if (result.errors.length) return { kind: 'errors', problems: result.errors };
  const offers = new Map<number, PulledOffer>();
  for (const [id, p] of prepared.pulls)
    if (p.status === 'ok' && p.value !== null) offers.set(id, { value: p.value, sourceLabel: p.sourceLabel });
  const byId = new Map(onPage.map((c) => [c.id, c]));
  const overrideProblems = checkOverrides(result.entries, offers, (id, v) =>
    formatWithUnit(v, byId.get(id)?.unit ?? '', byId.get(id)?.rule.decimals ?? 0),
  );
  if (overrideProblems.length) return { kind: 'errors', problems: overrideProblems };
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
    provenance: provenanceOfEntries(result.entries, prepared.pulls, offers),
  });
  if (outcome.kind === 'locked')
    return { kind: 'rejected', reason: { kind: 'locked_while_open', periodLabel: prepared.form.periodLabel } };
  if (outcome.kind === 'duplicate') return { kind: 'saved', duplicate: true, revisions: [], departmentId, period };
  if (page + 1 < pages) {
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
  // The confirmation is loaded after the ack (loadConfirmation): Slack waits only for the save.
  return { kind: 'saved', duplicate: false, revisions: outcome.revisions, departmentId, period };
}

/** Each entry that answers a pulled value keeps where it came from, and whether the person changed it. */
function provenanceOfEntries(
  entries: readonly ValidEntry[],
  pulls: Map<number, FormPull>,
  offers: Map<number, PulledOffer>,
): Map<number, Provenance> {
  const out = new Map<number, Provenance>();
  for (const e of entries) {
    const p = pulls.get(e.metricId)?.provenance;
    const offer = offers.get(e.metricId);
    if (p && offer) out.set(e.metricId, { ...p, changedByPerson: isOverride(e, offer) });
  }
  return out;
}

/** What the liaison's confirmation DM shows: every value saved for the period, with its status. */
export async function loadConfirmation(
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
