// The follow-ups a meeting should hear about: overdue first, then open (with their latest
// answer), then those closed since the last meeting — "report back" made visible.
import type { Db } from '../../infra/db-types.js';
import type { AgendaFollowUp } from '../../views/agenda-message.js';
import { FOLLOW_UP_ROW_INCLUDE_NO_DEPARTMENT, toListedFollowUp } from '../followups/followup-row.js';

export type { AgendaFollowUp };

/**
 * The agenda's follow-ups, and in the same statement the ids of the metrics in `planMetricIds`
 * that have an open follow-up (for "no plan yet", see goals/no-plan-yet.ts) — in any department.
 */
export async function followUpsForAgenda(
  db: Db,
  departments: readonly { id: number; name: string }[],
  today: string,
  since: Date,
  previousMeetingId: number | null,
  planMetricIds: readonly number[] = [],
): Promise<{ followUps: AgendaFollowUp[]; plannedMetricIds: Set<number | null> }> {
  // The departments are the meeting's, already loaded: their names are not read again.
  const byId = new Map(departments.map((d) => [d.id, d]));
  const listed = { departmentId: { in: [...byId.keys()] }, OR: [{ status: 'open' }, { closedAt: { gte: since } }] };
  const rows = await db.followUp.findMany({
    where: planMetricIds.length ? { OR: [listed, { status: 'open', metricId: { in: [...planMetricIds] } }] } : listed,
    include: FOLLOW_UP_ROW_INCLUDE_NO_DEPARTMENT,
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
  });
  const plan = new Set(planMetricIds);
  const plannedMetricIds = new Set(
    rows.filter((f) => f.status === 'open' && f.metricId !== null && plan.has(f.metricId)).map((f) => f.metricId),
  );
  const items = rows
    .filter((f) => byId.has(f.departmentId) && (f.status === 'open' || (f.closedAt !== null && f.closedAt >= since)))
    .map((f) =>
      toListedFollowUp(
        { ...f, department: byId.get(f.departmentId)! },
        today,
        previousMeetingId !== null && f.meetingId === previousMeetingId && f.status === 'open',
      ),
    );
  const rank = (f: AgendaFollowUp) => (f.overdue ? 0 : f.blocked ? 1 : f.status === 'open' ? 2 : 3);
  return { followUps: items.sort((a, b) => rank(a) - rank(b)), plannedMetricIds };
}
