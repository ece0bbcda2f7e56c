// The chair's one-click answer to "need more time": approve or decline, and the owner is told.
// manageFollowUp checks that the clicker may decide (the one place).

import type { Deps } from '../../app/deps.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { manageFollowUp } from '../../services/followups/manage-followup.js';
import { buildDecisionResult, decodeMoreTimeDecision, MORE_TIME_ACTIONS } from '../../views/followup-chair-messages.js';
import { MESSAGES } from '../../views/messages.js';
import type { Routes } from '../routes.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';

export function registerMoreTimeDecision(routes: Routes, deps: Deps): void {
  for (const approve of [true, false]) {
    const actionId = approve ? MORE_TIME_ACTIONS.approve : MORE_TIME_ACTIONS.decline;
    routes.action(actionId, async ({ ack, body, action, client, respond }) => {
      await ack();
      const reply = privateReply(respond);
      await answerAfterAck(deps, 'more-time decision', reply, async () => {
        const ref = decodeMoreTimeDecision('value' in action ? action.value : undefined);
        if (!ref) return reply(MESSAGES.somethingWentWrong);
        const change = { kind: 'decide_more_time', updateId: ref.updateId, approve } as const;
        const outcome = await manageFollowUp(deps.prisma, ref.followUpId, body.user.id, change, deps.clock.now());
        if (outcome.kind === 'not_found') return reply(MESSAGES.followUpGone);
        if (outcome.kind === 'not_allowed') return reply(MESSAGES.notAllowed('approve new dates'));
        if (outcome.kind === 'already_decided') return reply(MESSAGES.followUpAlreadyDecided(outcome.status));
        if (outcome.kind !== 'done') return reply(MESSAGES.somethingWentWrong);
        const said = MESSAGES.followUpChangeResult(outcome.result);
        const result = buildDecisionResult(
          `${approve ? ':white_check_mark:' : ':no_entry_sign:'} ${said} (decided by <@${body.user.id}>)`,
        );
        await respond({ replace_original: true, text: result.text, blocks: result.blocks });
        const owner = outcome.followUp.ownerUserId;
        const dm = buildDecisionResult(MESSAGES.moreTimeAnswered(outcome.followUp.text, said));
        const told = await sendDm(client, owner, dm, deps.logger);
        if (!told) await reply(MESSAGES.dmNotDelivered(owner));
      });
    });
  }
}
