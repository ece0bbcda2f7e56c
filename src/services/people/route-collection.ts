// Who a collection DM goes to at send time: its planned recipient, their delegate while they are
// away, or nobody (the department's other liaisons, or the other heads and chairs, cover it).
import { localDateOf } from '../../domain/calendar/index.js';
import { type Route, routeRecipient } from '../../domain/people/away.js';
import type { Db } from '../../infra/db-types.js';
import { chairs, membersOf } from '../actors.js';
import { loadAbsences } from './absences.js';

export async function routeCollectionNotice(
  db: Db,
  n: { recipient: string; departmentId: number; step: string },
  now: Date,
  timezone: string,
): Promise<Route> {
  const absences = await loadAbsences(db);
  if (absences.length === 0) return { kind: 'send', to: n.recipient, onBehalfOf: null };
  const everyone =
    n.step === 'escalation'
      ? [...(await membersOf(db, n.departmentId, 'head')), ...(await chairs(db))]
      : await membersOf(db, n.departmentId, 'liaison');
  return routeRecipient({
    recipient: n.recipient,
    others: everyone.filter((id) => id !== n.recipient),
    day: localDateOf(now, timezone),
    absences,
  });
}
