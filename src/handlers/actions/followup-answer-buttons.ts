// Done / Post update / Need more time / Blocked on a follow-up card → the answer modal.
import type { App } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { parseRowId } from '../../domain/row-id.js';
import { toSlackView } from '../../infra/slack/blocks.js';
import { loadFollowUpCard } from '../../services/followups/followup-card.js';
import { buildFollowUpAnswerModal } from '../../views/followup-answer-modal.js';
import { FOLLOWUP_ANSWER_ACTIONS, type FollowUpAnswerAction } from '../../views/followup-message.js';
import { refusalFor } from '../shared/authorize.js';
import { userFacingMessage } from '../shared/user-facing-error.js';

export const FOLLOWUP_GONE = 'That follow-up no longer exists (it may have been removed). Nothing was changed.';

export function registerFollowUpAnswerButtons(app: App, deps: Deps): void {
  for (const [kind, actionId] of Object.entries(FOLLOWUP_ANSWER_ACTIONS) as [FollowUpAnswerAction, string][]) {
    app.action({ type: 'block_actions', action_id: actionId }, async ({ ack, body, action, client, respond }) => {
      await ack();
      const reply = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
      try {
        const id = parseRowId('value' in action ? action.value : null);
        const card = id === null ? null : await loadFollowUpCard(deps.prisma, id);
        if (!card) return void (await reply(FOLLOWUP_GONE));
        const refusal = await refusalFor(deps.prisma, body.user.id, 'update_followup', {
          followUpOwner: card.ownerUserId,
        });
        if (refusal) return void (await reply(refusal));
        if (card.status !== 'open')
          return void (await reply(`This follow-up is already ${card.status} — nothing more to do.`));
        await client.views.open({
          trigger_id: body.trigger_id,
          view: toSlackView(buildFollowUpAnswerModal(card, kind)),
        });
      } catch (err) {
        deps.logger.error('follow-up button failed', { err });
        await reply(userFacingMessage(err));
      }
    });
  }
}
