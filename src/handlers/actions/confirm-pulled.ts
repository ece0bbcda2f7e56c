// "Confirm numbers" on an opening DM whose values were all pulled: saves them in one click, or
// opens the form when something needs a person (an explanation, a second look, a missing value).

import type { Deps } from '../../app/deps.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { loadConfirmation } from '../../services/collection/submit-form.js';
import { confirmPulledNumbers } from '../../services/sources/confirm-pulled.js';
import {
  CONFIRM_PULLED_ACTION_ID,
  decodeOpenSubmission,
  describeConfirmNeedsForm,
} from '../../views/collection-reminder.js';
import { MESSAGES } from '../../views/messages.js';
import { buildSubmissionConfirmation } from '../../views/submission-confirmation.js';
import { describeFormRefusal } from '../../views/submission-modal.js';
import type { Routes } from '../routes.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';
import { openSubmissionModal } from '../shared/open-submission-modal.js';

export function registerConfirmPulled(routes: Routes, deps: Deps): void {
  routes.action(CONFIRM_PULLED_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const reply = privateReply(respond);
    const userId = body.user.id;
    await answerAfterAck(
      deps,
      'confirming pulled numbers',
      reply,
      async () => {
        const target = decodeOpenSubmission('value' in action ? action.value : undefined);
        if (!target) return reply(MESSAGES.somethingWentWrong);
        const outcome = await confirmPulledNumbers(deps.prisma, {
          userId,
          ...target,
          // One click is one confirmation, however often Slack delivers it.
          interactionKey: `confirm-pulled:${userId}:${target.departmentId}:${target.period}:${'action_ts' in action ? action.action_ts : ''}`,
          now: deps.clock.now(),
        });
        if (outcome.kind === 'refused') return reply(describeFormRefusal(outcome.reason));
        if (outcome.kind === 'needs_form') {
          await openSubmissionModal({ client, respond, deps, userId, triggerId: body.trigger_id, ...target });
          return reply(describeConfirmNeedsForm(outcome.why));
        }
        if (outcome.duplicate) return;
        const confirmation = await loadConfirmation(
          deps.prisma,
          userId,
          target.departmentId,
          target.period,
          deps.clock.now(),
        );
        for (const page of confirmation ? buildSubmissionConfirmation(confirmation) : [])
          await sendDm(client, userId, page, deps.logger);
      },
      { urgent: true },
    );
  });
}
