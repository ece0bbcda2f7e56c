// Opens the numbers form, from the slash command or the "Enter numbers" button. The trigger_id
// lives ~3 s and works once, so the form is prepared quickly and opened straight away.

import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../app/deps.js';
import { toSlackView } from '../../infra/slack/blocks.js';
import { prepareSubmissionForm } from '../../services/collection/submission-form.js';
import { MESSAGES } from '../../views/messages.js';
import { buildSubmissionModal } from '../../views/submission-modal.js';
import { userFacingMessage } from './user-facing-error.js';

export interface OpenSubmissionArgs {
  client: WebClient;
  respond: RespondFn;
  deps: Deps;
  userId: string;
  triggerId: string;
  departmentKey?: string;
  departmentId?: number;
  period?: string;
}

export async function openSubmissionModal(a: OpenSubmissionArgs): Promise<void> {
  try {
    const prepared = await prepareSubmissionForm(a.deps.prisma, {
      userId: a.userId,
      departmentKey: a.departmentKey,
      departmentId: a.departmentId,
      period: a.period,
      now: a.deps.clock.now(),
    });
    if (prepared.kind === 'refused') {
      await a.respond({ text: prepared.message, response_type: 'ephemeral', replace_original: false });
      return;
    }
    await a.client.views.open({ trigger_id: a.triggerId, view: toSlackView(buildSubmissionModal(prepared.form)) });
  } catch (err) {
    const expired = (err as { data?: { error?: string } }).data?.error === 'expired_trigger_id';
    a.deps.logger.warn('could not open the numbers form', { err, userId: a.userId });
    await a.respond({
      text: expired ? MESSAGES.formExpired : userFacingMessage(err),
      response_type: 'ephemeral',
      replace_original: false,
    });
  }
}
