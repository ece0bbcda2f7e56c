// Saves a follow-up and tells its owner, for both the modal and the one-line command.
// The owner must be a real, active person: Slack's users.info says so.
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../app/deps.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { createFollowUp, FollowUpInputError, type NewFollowUp } from '../../services/followups/create-followup.js';
import { loadFollowUpCard } from '../../services/followups/followup-card.js';
import { buildFollowUpOwnerMessage } from '../../views/followup-message.js';

export type RecordResult =
  | { ok: true; id: number | null }
  | { ok: false; field: FollowUpInputError['field']; message: string };

export async function checkOwner(client: WebClient, userId: string): Promise<string | null> {
  try {
    const res = await client.users.info({ user: userId });
    if (res.user?.is_bot || res.user?.id === 'USLACKBOT') return 'Pick a person, not a bot, as the owner';
    if (res.user?.deleted) return 'That person has been deactivated in Slack — pick someone else';
    return null;
  } catch {
    return 'I could not find that person in Slack';
  }
}

export async function recordFollowUpAndNotify(
  client: WebClient,
  deps: Deps,
  input: NewFollowUp,
): Promise<RecordResult> {
  const ownerProblem = await checkOwner(client, input.ownerUserId);
  if (ownerProblem) return { ok: false, field: 'owner', message: ownerProblem };
  try {
    const created = await createFollowUp(deps.prisma, input);
    if (!created) return { ok: true, id: null }; // a retry of one already saved
    const card = await loadFollowUpCard(deps.prisma, created.id);
    if (card) await sendDm(client, input.ownerUserId, buildFollowUpOwnerMessage(card, 'assigned'), deps.logger);
    return { ok: true, id: created.id };
  } catch (err) {
    if (err instanceof FollowUpInputError) return { ok: false, field: err.field, message: err.message };
    throw err;
  }
}
