// `/stat followups [mine|overdue|<department>]`: the list a person asked for.

import { localDateOf } from '../../domain/calendar/index.js';
import type { FollowUpFilter } from '../../domain/followups/parse-followups-command.js';
import type { Db } from '../../infra/db-types.js';
import { loadProgramSettings } from '../program-settings.js';

export async function listFollowUps(db: Db, filter: FollowUpFilter, userId: string, now: Date) {
  const today = localDateOf(now, (await loadProgramSettings(db)).calendar.timezone);
  const where =
    filter.kind === 'mine'
      ? { ownerUserId: userId, status: 'open' }
      : filter.kind === 'overdue'
        ? { status: 'open', dueDate: { lt: today } }
        : filter.kind === 'all'
          ? { status: 'open' }
          : {
              status: 'open',
              department: {
                OR: [
                  { key: { equals: filter.key, mode: 'insensitive' as const } },
                  { name: { equals: filter.key, mode: 'insensitive' as const } },
                ],
              },
            };
  const rows = await db.followUp.findMany({
    where,
    include: { department: true, metric: true, updates: { orderBy: { id: 'desc' }, take: 1 } },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    take: 200,
  });
  return rows.map((f) => ({
    id: f.id,
    text: f.text,
    ownerUserId: f.ownerUserId,
    departmentName: f.department.name,
    metricName: f.metric?.name ?? null,
    dueDate: f.dueDate,
    status: f.status,
    blocked: f.blocked,
    overdue: f.dueDate < today,
    carried: false,
    latest:
      f.updates[0] && f.updates[0].kind !== 'created'
        ? { kind: f.updates[0].kind, note: f.updates[0].note, at: f.updates[0].createdAt }
        : null,
  }));
}
