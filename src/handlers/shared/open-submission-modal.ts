// Opens the numbers form, from the slash command or the "Enter numbers" button. The trigger_id
// lives ~3 s and works once, so the form is prepared quickly and opened straight away.

import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../app/deps.js';
import { prepareSubmissionForm } from '../../services/collection/submission-form.js';
import { buildSubmissionModal, describeFormRefusal } from '../../views/submission-modal.js';
import { answerAfterAck, privateReply } from './listener-kit.js';

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
  const reply = privateReply(a.respond);
  // Urgent among the after-ack work: the trigger_id expires ~3 s after the click.
  await answerAfterAck(
    a.deps,
    'opening the numbers form',
    reply,
    async () => {
      const prepared = await prepareSubmissionForm(a.deps.prisma, {
        userId: a.userId,
        departmentKey: a.departmentKey,
        departmentId: a.departmentId,
        period: a.period,
        now: a.deps.clock.now(),
      });
      if (prepared.kind === 'refused') return reply(describeFormRefusal(prepared.reason));
      await a.client.views.open({ trigger_id: a.triggerId, view: buildSubmissionModal(prepared.form) });
    },
    { urgent: true },
  );
}
