// Works out which form a person gets: their department (or the one they named), the period that
// just closed (or the one they named), with saved values pre-filled. Refusals say why, as data;
// the view words them. The permission check for the form and every submitted page is here.

import { formatPeriodLabel, frequencyOfPeriod, lastClosedPeriod, previousPeriod } from '../../domain/calendar/index.js';
import type { Db } from '../../infra/db-types.js';
import type { FormMetric, FormRefusal, SubmissionForm } from '../../views/submission-modal.js';
import { loadActor } from '../actors.js';
import { actorMay } from '../authorize.js';
import { loadProgramSettings } from '../program-settings.js';
import { type FormPull, loadFormPulls } from '../sources/form-pulls.js';
import { ensureDepartmentPeriod } from './department-period.js';
import { loadMetricContexts, type MetricContext } from './metric-context.js';

export type FormOutcome =
  | { kind: 'form'; form: SubmissionForm; contexts: MetricContext[]; pulls: Map<number, FormPull> }
  | { kind: 'refused'; reason: FormRefusal };

export interface FormRequest {
  userId: string;
  departmentKey?: string;
  departmentId?: number;
  period?: string;
  page?: number;
  now: Date;
}

export async function prepareSubmissionForm(db: Db, req: FormRequest): Promise<FormOutcome> {
  const settings = await loadProgramSettings(db);
  const actor = await loadActor(db, req.userId, req.now);
  const department = await resolveDepartment(db, req, actor.liaisonOf);
  if ('kind' in department) return { kind: 'refused', reason: department };
  if (!actorMay(actor, 'submit_numbers', { departmentId: department.id }))
    return { kind: 'refused', reason: { kind: 'not_liaison', department: department.name } };
  const period = req.period ?? lastClosedPeriod(req.now, 'monthly', settings.calendar.timezone);
  const periodLabel = formatPeriodLabel(period);
  // Only a period that has ended can be reported on (and no row is created for one that has not).
  if (period > lastClosedPeriod(req.now, frequencyOfPeriod(period), settings.calendar.timezone))
    return { kind: 'refused', reason: { kind: 'period_not_closed', periodLabel } };
  const obligation = await ensureDepartmentPeriod(db, department, period, settings);
  if (obligation.lockedAt) return { kind: 'refused', reason: { kind: 'period_locked', periodLabel } };
  const contexts = await loadMetricContexts(db, department.id, period);
  if (contexts.length === 0)
    return { kind: 'refused', reason: { kind: 'no_metrics_due', department: department.name, periodLabel } };
  const previous = previousPeriod(period);
  const prevLabel = formatPeriodLabel(previous);
  const pulls = await loadFormPulls(
    db,
    contexts.map((c) => c.id),
    period,
    settings.calendar.timezone,
  );
  const metrics: FormMetric[] = contexts.map((c) => ({
    id: c.id,
    name: c.name,
    unit: c.unit,
    rule: c.rule,
    target: c.target,
    previous: c.history.length
      ? { label: prevLabel, value: c.history.at(-1)?.period === previous ? (c.history.at(-1)?.value ?? null) : null }
      : null,
    // A value a person saved wins; otherwise the pulled value is offered, marked as pulled.
    saved: c.current ?? pulledEntry(pulls.get(c.id)),
    source: sourceNote(pulls.get(c.id)),
  }));
  return {
    kind: 'form',
    contexts,
    pulls,
    form: {
      departmentId: department.id,
      departmentName: department.name,
      period,
      periodLabel,
      dueDate: obligation.dueDate,
      metrics,
      page: req.page ?? 0,
      confirmed: [],
      warnings: [],
    },
  };
}

function pulledEntry(p: FormPull | undefined): FormMetric['saved'] {
  return p?.status === 'ok' ? { value: p.value, notAvailable: false, note: p.note } : null;
}

function sourceNote(p: FormPull | undefined): FormMetric['source'] {
  if (!p) return null;
  return p.status === 'ok'
    ? { kind: 'pulled', label: p.sourceLabel, fetched: p.fetchedLabel }
    : { kind: 'failed', label: p.sourceLabel, reason: p.reason ?? '' };
}

type Department = NonNullable<Awaited<ReturnType<Db['department']['findFirst']>>>;

async function resolveDepartment(
  db: Db,
  req: FormRequest,
  liaisonOf: readonly number[],
): Promise<Department | FormRefusal> {
  if (req.departmentId !== undefined) {
    return (
      (await db.department.findFirst({ where: { id: req.departmentId, active: true } })) ?? {
        kind: 'unknown_department',
        key: String(req.departmentId),
      }
    );
  }
  if (req.departmentKey) {
    const key = req.departmentKey.trim();
    const found = await db.department.findFirst({
      where: {
        active: true,
        OR: [{ key: { equals: key, mode: 'insensitive' } }, { name: { equals: key, mode: 'insensitive' } }],
      },
    });
    return found ?? { kind: 'unknown_department', key };
  }
  if (liaisonOf.length === 1)
    return (await db.department.findUnique({ where: { id: liaisonOf[0]! } })) ?? { kind: 'not_liaison_anywhere' };
  if (liaisonOf.length === 0) return { kind: 'not_liaison_anywhere' };
  const names = await db.department.findMany({ where: { id: { in: [...liaisonOf] } }, orderBy: { key: 'asc' } });
  return { kind: 'choose_department', keys: names.map((d) => d.key) };
}
