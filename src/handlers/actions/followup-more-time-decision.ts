// The chair's one-click answer to "need more time": approve or decline, and the owner is told.
import type { App } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { toSlackBlocks } from '../../infra/slack/blocks.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { manageFollowUp } from '../../services/followups/manage-followup.js';
import { buildDecisionResult, decodeMoreTimeDecision, MORE_TIME_ACTIONS } from '../../views/followup-chair-messages.js';
import { MESSAGES } from '../../views/messages.js';
import { userFacingMessage } from '../shared/user-facing-error.js';
import { FOLLOWUP_GONE } from './followup-answer-buttons.js';

export function registerMoreTimeDecision(app: App, deps: Deps): void {
  for (const approve of [true, false]) {
    app.action(
      { type: 'block_actions', action_id: approve ? MORE_TIME_ACTIONS.approve : MORE_TIME_ACTIONS.decline },
      async ({ ack, body, action, client, respond }) => {
        await ack();
        const reply = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
        try {
          const ref = decodeMoreTimeDecision('value' in action ? action.value : undefined);
          if (!ref) return void (await reply(MESSAGES.somethingWentWrong));
          const outcome = await manageFollowUp(
            deps.prisma,
            ref.followUpId,
            body.user.id,
            { kind: 'decide_more_time', updateId: ref.updateId, approve },
            deps.clock.now(),
          );
          if (outcome.kind === 'not_found') return void (await reply(FOLLOWUP_GONE));
          if (outcome.kind === 'not_allowed') return void (await reply(MESSAGES.notAllowed('approve new dates')));
          if (outcome.kind === 'already_decided' || outcome.kind === 'invalid')
            return void (await reply(outcome.message));
          const result = buildDecisionResult(
            `${approve ? ':white_check_mark:' : ':no_entry_sign:'} ${outcome.message} (decided by <@${body.user.id}>)`,
          );
          await respond({ replace_original: true, text: result.text, blocks: toSlackBlocks(result.blocks) });
          await sendDm(
            client,
            outcome.followUp.ownerUserId,
            buildDecisionResult(
              `Your request for more time on "${outcome.followUp.text.slice(0, 200).replace(/[<>&]/g, '')}" — ${outcome.message}`,
            ),
            deps.logger,
          );
        } catch (err) {
          deps.logger.error('more-time decision failed', { err });
          await reply(userFacingMessage(err));
        }
      },
    );
  }
}
