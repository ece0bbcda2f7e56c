// The "Enter numbers" button on reminder and confirmation DMs.

import type { Deps } from '../../app/deps.js';
import { decodeOpenSubmission, OPEN_SUBMISSION_ACTION_ID } from '../../views/collection-reminder.js';
import { MESSAGES } from '../../views/messages.js';
import type { Routes } from '../routes.js';
import { openSubmissionModal } from '../shared/open-submission-modal.js';

export function registerOpenSubmission(routes: Routes, deps: Deps): void {
  routes.action(OPEN_SUBMISSION_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const target = decodeOpenSubmission('value' in action ? action.value : undefined);
    if (!target) {
      await respond({ text: MESSAGES.somethingWentWrong, response_type: 'ephemeral', replace_original: false });
      return;
    }
    await openSubmissionModal({ client, respond, deps, userId: body.user.id, triggerId: body.trigger_id, ...target });
  });
}
