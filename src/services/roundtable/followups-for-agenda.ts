// The follow-ups a meeting should hear about: overdue first, then open (with their latest
// answer), then those closed since the last meeting — "report back" made visible.
import type { Db } from '../../infra/db-types.js';
import type { AgendaFollowUp } from '../../views/agenda-message.js';

export type { AgendaFollowUp };

export async function followUpsForAgenda(
  db: Db,
  departmentIds: number[],
  today: string,
  since: Date,
  previousMeetingId: number | null,
): Promise<AgendaFollowUp[]> {
  const rows = await db.followUp.findMany({
    where: { departmentId: { in: departmentIds }, OR: [{ status: 'open' }, { closedAt: { gte: since } }] },
    include: {
      department: true,
      metric: true,
      updates: { where: { note: { not: '' }, kind: { not: 'created' } }, orderBy: { id: 'desc' }, take: 1 },
    },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
  });
  const items = rows.map((f) => {
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
      carried: previousMeetingId !== null && f.meetingId === previousMeetingId && f.status === 'open',
      latest: u ? { kind: u.kind, note: u.note, at: u.createdAt } : null,
    };
  });
  const rank = (f: AgendaFollowUp) => (f.overdue ? 0 : f.blocked ? 1 : f.status === 'open' ? 2 : 3);
  return items.sort((a, b) => rank(a) - rank(b));
}
