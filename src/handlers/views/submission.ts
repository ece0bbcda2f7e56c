// The numbers form submitted. Validation and saving happen BEFORE the ack, so errors appear
// inline under the field and "saved" means saved; the confirmation DM goes after the ack.
import type { App } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { toSlackView } from '../../infra/slack/blocks.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { createSlackGateway } from '../../infra/slack/slack-gateway.js';
import { buildConfirmation, submitNumbersPage } from '../../services/collection/submit-form.js';
import { noteRevisionsOnPackets } from '../../services/roundtable/note-revisions.js';
import { MESSAGES } from '../../views/messages.js';
import { buildNoticeModal } from '../../views/notice-modal.js';
import { buildRevisionNote } from '../../views/packet-message.js';
import { buildSubmissionConfirmation } from '../../views/submission-confirmation.js';
import {
  buildSubmissionErrors,
  buildSubmissionModal,
  SUBMISSION_CALLBACK_ID,
  submissionMetadataSchema,
} from '../../views/submission-modal.js';
import { userFacingMessage } from '../shared/user-facing-error.js';

export function registerSubmissionView(app: App, deps: Deps): void {
  app.view(SUBMISSION_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const metadata = safeMetadata(view.private_metadata);
    if (!metadata) {
      await ack({
        response_action: 'update',
        view: toSlackView(buildNoticeModal('Form out of date', MESSAGES.somethingWentWrong)),
      });
      return;
    }
    let outcome: Awaited<ReturnType<typeof submitNumbersPage>>;
    try {
      outcome = await submitNumbersPage(deps.prisma, {
        userId: body.user.id,
        metadata,
        state: view.state.values,
        interactionKey: `submit:${view.id}:${view.hash}`,
        now: deps.clock.now(),
      });
    } catch (err) {
      deps.logger.error('saving a submission failed', { err, userId: body.user.id });
      await ack({
        response_action: 'update',
        view: toSlackView(buildNoticeModal('Not saved', userFacingMessage(err))),
      });
      return;
    }
    if (outcome.kind === 'errors')
      return void (await ack({ response_action: 'errors', errors: buildSubmissionErrors(outcome.problems) }));
    if (outcome.kind === 'show') {
      await ack({ response_action: 'update', view: toSlackView(buildSubmissionModal(outcome.form)) });
      if (outcome.revisions?.length)
        await noteRevisionsOnPackets(
          { ...deps, slack: createSlackGateway(client), render: buildRevisionNote },
          outcome.departmentId!,
          outcome.period!,
          outcome.revisions,
          body.user.id,
        );
      return;
    }
    if (outcome.kind === 'rejected')
      return void (await ack({
        response_action: 'update',
        view: toSlackView(buildNoticeModal('Not saved', outcome.message)),
      }));
    await ack();
    if (outcome.duplicate) return;
    await noteRevisionsOnPackets(
      { ...deps, slack: createSlackGateway(client), render: buildRevisionNote },
      outcome.departmentId,
      outcome.period,
      outcome.revisions,
      body.user.id,
    );
    const confirmation = await buildConfirmation(
      deps.prisma,
      body.user.id,
      outcome.departmentId,
      outcome.period,
      deps.clock.now(),
    );
    for (const page of confirmation ? buildSubmissionConfirmation(confirmation) : [])
      await sendDm(client, body.user.id, page, deps.logger);
  });
}

function safeMetadata(raw: string | undefined) {
  try {
    const parsed = submissionMetadataSchema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
