// Done / Post update / Need more time / Blocked on a follow-up card → the answer modal.

import type { Deps } from '../../app/deps.js';
import { parseRowId } from '../../domain/row-id.js';
import { loadFollowUpCard } from '../../services/followups/followup-card.js';
import { buildFollowUpAnswerModal } from '../../views/followup-answer-modal.js';
import { FOLLOWUP_ANSWER_ACTIONS, type FollowUpAnswerAction } from '../../views/followup-message.js';
import { MESSAGES } from '../../views/messages.js';
import type { Routes } from '../routes.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';

export function registerFollowUpAnswerButtons(routes: Routes, deps: Deps): void {
  for (const [kind, actionId] of Object.entries(FOLLOWUP_ANSWER_ACTIONS) as [FollowUpAnswerAction, string][]) {
    routes.action(actionId, async ({ ack, body, action, client, respond }) => {
      await ack();
      const reply = privateReply(respond);
      await answerAfterAck(
        deps,
        'follow-up button',
        reply,
        async () => {
          const id = parseRowId('value' in action ? action.value : null);
          const card = id === null ? null : await loadFollowUpCard(deps.prisma, id);
          if (!card) return reply(MESSAGES.followUpGone);
          const resource = { followUpOwner: card.ownerUserId };
          if (await refuseUnlessAllowed(deps, body.user.id, 'update_followup', reply, resource)) return;
          if (card.status !== 'open') return reply(MESSAGES.followUpClosed(card.status));
          const view = buildFollowUpAnswerModal(card, kind);
          await client.views.open({ trigger_id: body.trigger_id, view });
        },
        { urgent: true },
      );
    });
  }
}
