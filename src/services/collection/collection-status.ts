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
  const departments = await db.department.findMany({
    where: { active: true, ...(departmentKeys ? { key: { in: [...departmentKeys] } } : {}) },
    orderBy: { key: 'asc' },
    // Only what the rows use; the period's values are counted in the metrics' own statement.
    select: {
      id: true,
      key: true,
      name: true,
      dueRule: true,
      startsWith: true,
      signOff: true,
      metrics: {
        where: { active: true, frequency: frequencyOfPeriod(period) },
        select: { _count: { select: { values: { where: { period } } } } },
      },
    },
  });
  const obligations = await ensureDepartmentPeriods(db, departments, period, settings);
  const rows: DepartmentStatusRow[] = [];
  for (const d of departments) {
    const obligation = obligations.get(d.id)!;
    const total = d.metrics.length;
    const filled = d.metrics.filter((m) => m._count.values > 0).length;
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
