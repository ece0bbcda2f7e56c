// One follow-up as every listing shows it (`/stat followups`, the agenda): the row read with its
// department, metric and latest answer, put in the shape the views render.
import type { Prisma } from '../../infra/db-types.js';
import type { AgendaFollowUp } from '../../views/agenda-message.js';

/** What to read with a follow-up for a listing: its latest answer that says something. */
export const FOLLOW_UP_ROW_INCLUDE = {
  department: true,
  metric: true,
  updates: { where: { note: { not: '' }, kind: { not: 'created' } }, orderBy: { id: 'desc' }, take: 1 },
} as const satisfies Prisma.FollowUpInclude;

/** The same without the department, for a caller that already has the departments (the agenda). */
export const FOLLOW_UP_ROW_INCLUDE_NO_DEPARTMENT = {
  metric: FOLLOW_UP_ROW_INCLUDE.metric,
  updates: FOLLOW_UP_ROW_INCLUDE.updates,
} as const satisfies Prisma.FollowUpInclude;

type FollowUpRow = Omit<Prisma.FollowUpGetPayload<{ include: typeof FOLLOW_UP_ROW_INCLUDE }>, 'department'> & {
  department: { name: string };
};

export function toListedFollowUp(f: FollowUpRow, today: string, carried = false): AgendaFollowUp {
  const u = f.updates[0];
  return {
    id: f.id,
    text: f.text,
    ownerUserId: f.ownerUserId,
    departmentName: f.department.name,
    metricName: f.metric?.name ?? null,
    dueDate: f.dueDate,
    status: f.status,
    blocked: f.blocked,
    overdue: f.status === 'open' && f.dueDate < today,
    carried,
    latest: u ? { kind: u.kind, note: u.note, at: u.createdAt } : null,
  };
}
