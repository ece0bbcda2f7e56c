// `/stat followups [mine|overdue|<department>]`: the list a person asked for.

import { localDateOf } from '../../domain/calendar/index.js';
import type { FollowUpFilter } from '../../domain/followups/parse-followups-command.js';
import type { Db } from '../../infra/db-types.js';
import { loadProgramSettings } from '../program-settings.js';
import { FOLLOW_UP_ROW_INCLUDE, toListedFollowUp } from './followup-row.js';

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
    include: FOLLOW_UP_ROW_INCLUDE,
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    take: 200,
  });
  return rows.map((f) => toListedFollowUp(f, today));
}
