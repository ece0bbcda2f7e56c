// The head's Approve (decided at once) and Return with a note (opens the note's modal at once).

import type { Deps } from '../../app/deps.js';
import { decideSignOff } from '../../services/signoff/sign-off.js';
import { decodeOpenSubmission } from '../../views/collection-reminder.js';
import { MESSAGES } from '../../views/messages.js';
import {
  APPROVE_SIGN_OFF_ACTION_ID,
  buildReturnModal,
  RETURN_SIGN_OFF_ACTION_ID,
  SIGN_OFF_SENTENCES,
} from '../../views/sign-off-message.js';
import type { Routes } from '../routes.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';

export function registerSignOffButtons(routes: Routes, deps: Deps): void {
  routes.action(APPROVE_SIGN_OFF_ACTION_ID, async ({ ack, body, action, respond }) => {
    await ack();
    const reply = privateReply(respond);
    await answerAfterAck(deps, 'approving numbers', reply, async () => {
      const target = decodeOpenSubmission('value' in action ? action.value : undefined);
      if (!target) return reply(MESSAGES.somethingWentWrong);
      const input = {
        ...target,
        userId: body.user.id,
        decision: 'approve' as const,
        note: '',
        now: deps.clock.now(),
      };
      const outcome = await decideSignOff(deps.prisma, input);
      if (outcome.kind === 'approved')
        return reply(SIGN_OFF_SENTENCES.approved(outcome.departmentName, outcome.periodLabel));
      if (outcome.kind === 'not_allowed') return reply(SIGN_OFF_SENTENCES.notAllowed);
      if (outcome.kind === 'locked') return reply(SIGN_OFF_SENTENCES.locked);
      if (outcome.kind === 'not_pending') return reply(SIGN_OFF_SENTENCES.notPending(outcome.status));
    });
  });
  routes.action(RETURN_SIGN_OFF_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const reply = privateReply(respond);
    await answerAfterAck(
      deps,
      'returning numbers',
      reply,
      async () => {
        const target = decodeOpenSubmission('value' in action ? action.value : undefined);
        if (!target) return reply(MESSAGES.somethingWentWrong);
        await client.views.open({
          trigger_id: body.trigger_id,
          view: buildReturnModal(target.departmentId, target.period),
        });
      },
      { urgent: true },
    );
  });
}
