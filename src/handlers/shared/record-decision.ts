// Records a follow-up (the modal and the one-line command both come here) and tells its owner;
// if the owner's DM fails, the recorder is told so they can pass it on.
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../app/deps.js';
import { slackPeopleDirectory } from '../../infra/slack/people.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import type { NewFollowUp } from '../../services/followups/create-followup.js';
import { type RecordOutcome, recordFollowUp } from '../../services/followups/record-followup.js';
import { buildFollowUpOwnerMessage } from '../../views/followup-message.js';

export async function recordDecision(
  client: WebClient,
  deps: Deps,
  input: NewFollowUp,
): Promise<RecordOutcome & { ownerTold?: boolean }> {
  const outcome = await recordFollowUp(deps.prisma, slackPeopleDirectory(client), input);
  if (outcome.kind !== 'recorded') return outcome;
  const sent = await sendDm(
    client,
    input.ownerUserId,
    buildFollowUpOwnerMessage(outcome.card, 'assigned'),
    deps.logger,
  );
  return { ...outcome, ownerTold: sent !== null };
}
