// The one place the permission table is asked. Each request is checked once: a service that
// changes data (record, answer or manage a follow-up, submit numbers, unlock a period) asks
// itself, so every path to it is covered and the handler in front of it does not ask again; a
// handler asks (through refuseUnlessAllowed) only before opening a form or showing a listing,
// and for meetings, whose service has no other caller.
import { type Action, can, type Resource } from '../domain/permissions.js';
import type { Db } from '../infra/db-types.js';
import { type KnownActor, loadActor } from './actors.js';

/** With `now`, a delegate may act for an away colleague (see loadActor). */
export async function isAllowed(
  db: Db,
  userId: string,
  action: Action,
  resource: Resource = {},
  now?: Date,
): Promise<boolean> {
  return actorMay(await loadActor(db, userId, now), action, resource);
}

/** isAllowed for an actor already loaded (loadActor with the same `now`): no second read of their roles. */
export function actorMay(actor: KnownActor, action: Action, resource: Resource = {}): boolean {
  return can(actor, action, { ...resource, actorUserId: actor.userId });
}

export type AgendaAccess = 'interactive' | 'read_only' | 'refused';

/** Chairs and admins get the agenda with its buttons; members a read-only copy, unless the program keeps it to chairs. */
export async function agendaAccess(db: Db, userId: string, chairsOnly: boolean): Promise<AgendaAccess> {
  if (await isAllowed(db, userId, 'post_agenda')) return 'interactive';
  if (chairsOnly || !(await isAllowed(db, userId, 'view_agenda'))) return 'refused';
  return 'read_only';
}
