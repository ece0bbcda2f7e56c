// The late list: for one period, each department's state — submitted, partial, late (by how many
// business days) or not yet due. Used by `/stat status`, the chair's escalation button and App Home.

import { businessDaysBetween, formatPeriodLabel, frequencyOfPeriod, localDateOf } from '../../domain/calendar/index.js';
import { isCollectedPeriod } from '../../domain/program/starts-with.js';
import type { Db } from '../../infra/db-types.js';
import type { CollectionStatus, DepartmentState, DepartmentStatusRow } from '../../views/status-message.js';
import { loadProgramSettings, type ProgramSettings } from '../program-settings.js';
import { ensureDepartmentPeriods } from './department-period.js';

export type { CollectionStatus, DepartmentState, DepartmentStatusRow };

/**
 * `departmentKeys` narrows the list (an agenda needs only its meeting's departments); a caller that
 * has already loaded the settings passes them (one round trip less).
 */
export async function getCollectionStatus(
  db: Db,
  period: string,
  now: Date,
  departmentKeys?: readonly string[],
  loaded?: ProgramSettings,
): Promise<CollectionStatus> {
  const settings = loaded ?? (await loadProgramSettings(db));
  const today = localDateOf(now, settings.calendar.timezone);
  const departments = await statusDepartments(db, period, departmentKeys);
  const obligations = await ensureDepartmentPeriods(db, departments, period, settings);
  const rows: DepartmentStatusRow[] = [];
  for (const d of departments) {
    const obligation = obligations.get(d.id)!;
    const { total, filled } = d;
    const late = Math.max(0, businessDaysBetween(obligation.dueDate, today, settings.calendar.holidays));
    // A period before the department's first collected one was never asked for: nothing is due.
    const state: DepartmentState =
      total === 0 || !isCollectedPeriod(period, d.startsWith)
        ? 'nothing_due'
        : filled === total
          ? 'submitted'
          : late > 0
            ? 'late'
            : filled > 0
              ? 'partial'
              : 'not_started';
    rows.push({
      departmentId: d.id,
      key: d.key,
      name: d.name,
      state,
      filled,
      total,
      dueDate: obligation.dueDate,
      businessDaysLate: state === 'late' ? late : 0,
      submittedAt: obligation.submittedAt,
      signOff: d.signOff ? ((obligation.signOffStatus as DepartmentStatusRow['signOff']) ?? null) : null,
      waiting:
        obligation.waitingUntil && obligation.waitingReason && state !== 'submitted' && obligation.waitingUntil > today
          ? { until: obligation.waitingUntil, reason: obligation.waitingReason }
          : null,
    });
  }
  return { period, periodLabel: formatPeriodLabel(period), rows };
}

/**
 * The active departments (by key) with, in the same statement, how many of their active metrics of
 * the period's frequency there are and how many have a value for it. Each metric's value is found
 * through the (metricId, period) index, department by department. Counting every value of the
 * period and joining that in (Prisma's relation _count) cost the embedded database ~7 ms for an
 * agenda's 60 metrics when it had no planner statistics (it has no autovacuum; it now analyses at
 * start, pglite-worker.ts), and this shape does not depend on them: a plain join planned without
 * them scanned every metric.
 */
function statusDepartments(db: Db, period: string, departmentKeys?: readonly string[]) {
  const keys = departmentKeys ? [...departmentKeys] : null;
  return db.$queryRaw<
    {
      id: number;
      key: string;
      name: string;
      dueRule: string;
      startsWith: string | null;
      signOff: boolean;
      total: number;
      filled: number;
    }[]
  >`
    SELECT d.id, d.key, d.name, d."dueRule", d."startsWith", d."signOff", c.total, c.filled
    FROM "Department" d
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM "MetricValue" v WHERE v."metricId" = m.id AND v.period = ${period}))::int AS filled
      FROM "Metric" m
      WHERE m."departmentId" = d.id AND m.active AND m.frequency = ${frequencyOfPeriod(period)}
    ) c
    WHERE d.active AND (${keys}::text[] IS NULL OR d.key = ANY(${keys}::text[]))
    ORDER BY d.key`;
}
