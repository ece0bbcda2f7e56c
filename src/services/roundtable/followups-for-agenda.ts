// The follow-ups a meeting should hear about: overdue first, then open (with their latest
// answer), then those closed since the last meeting — "report back" made visible.
import type { Db } from '../../infra/db-types.js';
import type { AgendaFollowUp } from '../../views/agenda-message.js';
import { FOLLOW_UP_ROW_INCLUDE, toListedFollowUp } from '../followups/followup-row.js';

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
    include: FOLLOW_UP_ROW_INCLUDE,
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
  });
  const items = rows.map((f) =>
    toListedFollowUp(f, today, previousMeetingId !== null && f.meetingId === previousMeetingId && f.status === 'open'),
  );
  const rank = (f: AgendaFollowUp) => (f.overdue ? 0 : f.blocked ? 1 : f.status === 'open' ? 2 : 3);
  return items.sort((a, b) => rank(a) - rank(b));
}
