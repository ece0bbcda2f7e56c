// Asks the permission table (domain/permissions.ts) for a handler and words the refusal to show,
// or returns null.

import { type Action, can, type Resource } from '../../domain/permissions.js';
import type { Db } from '../../infra/db-types.js';
import { loadActor } from '../../services/actors.js';
import { MESSAGES } from '../../views/messages.js';

const WHAT: Record<Action, string> = {
  submit_numbers: "enter this department's numbers",
  view_status: 'see the submission status',
  unlock_period: 'unlock a period',
  view_agenda: 'see the agenda',
  post_agenda: 'post the agenda',
  record_decision: 'record decisions as follow-ups',
  update_followup: 'update this follow-up (only its owner can)',
  manage_followup: 'approve dates, reassign or cancel follow-ups',
  manage_meetings: 'schedule or change meetings',
  export: 'export the program data',
};

export async function refusalFor(
  db: Db,
  userId: string,
  action: Action,
  resource: Resource = {},
): Promise<string | null> {
  const actor = await loadActor(db, userId);
  return can(actor, action, { ...resource, actorUserId: userId }) ? null : MESSAGES.notAllowed(WHAT[action]);
}
