// A follow-up as the views show it: text, department, metric, due date and its latest answer.
import type { Db } from '../../infra/db-types.js';
import type { FollowUpCard } from '../../views/followup-message.js';

export async function loadFollowUpCard(
  db: Db,
  id: number,
): Promise<(FollowUpCard & { ownerUserId: string; departmentId: number }) | null> {
  const f = await db.followUp.findUnique({
    where: { id },
    include: { department: true, metric: true, updates: { orderBy: { id: 'desc' }, take: 1 } },
  });
  if (!f) return null;
  const latest = f.updates[0];
  return {
    id: f.id,
    text: f.text,
    dueDate: f.dueDate,
    departmentName: f.department.name,
    metricName: f.metric?.name ?? null,
    status: f.status,
    latest: latest ? { kind: latest.kind, note: latest.note } : null,
    ownerUserId: f.ownerUserId,
    departmentId: f.departmentId,
  };
}
