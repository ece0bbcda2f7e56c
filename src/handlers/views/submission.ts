// The numbers form submitted. Validation and saving happen BEFORE the ack, so errors appear
// inline under the field and "saved" means saved; the confirmation DM goes after the ack.
import type { App } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { loadConfirmation, submitNumbersPage } from '../../services/collection/submit-form.js';
import { noteRevisionsOnPackets } from '../../services/roundtable/note-revisions.js';
import { MESSAGES } from '../../views/messages.js';
import { buildNoticeModal } from '../../views/notice-modal.js';
import { buildSubmissionConfirmation } from '../../views/submission-confirmation.js';
import {
  buildSubmissionErrors,
  buildSubmissionModal,
  describeFormRefusal,
  METRICS_PER_PAGE,
  parseSubmissionMetadata,
  parseSubmissionState,
  SUBMISSION_CALLBACK_ID,
} from '../../views/submission-modal.js';
import { answerFailures } from '../shared/listener-kit.js';

export function registerSubmissionView(app: App, deps: Deps): void {
  app.view(SUBMISSION_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const notice = (title: string, text: string) =>
      ack({ response_action: 'update', view: buildNoticeModal(title, text) });
    const metadata = parseSubmissionMetadata(view.private_metadata);
    if (!metadata) return void (await notice('Form out of date', MESSAGES.somethingWentWrong));
    let acked = false;
    await answerFailures(
      deps,
      'saving a submission',
      (text) => (acked ? Promise.resolve() : notice('Not saved', text)),
      async () => {
        const outcome = await submitNumbersPage(deps.prisma, {
          userId,
          ...metadata,
          entries: parseSubmissionState(view.state.values),
          metricsPerPage: METRICS_PER_PAGE,
          interactionKey: `submit:${view.id}:${view.hash}`,
          now: deps.clock.now(),
        });
        if (outcome.kind === 'errors')
          return void (await ack({ response_action: 'errors', errors: buildSubmissionErrors(outcome.problems) }));
        if (outcome.kind === 'rejected') return void (await notice('Not saved', describeFormRefusal(outcome.reason)));
        acked = true;
        if (outcome.kind === 'show') {
          await ack({ response_action: 'update', view: buildSubmissionModal(outcome.form) });
          if (outcome.revisions?.length)
            await noteRevisionsOnPackets(
              { ...deps, client },
              outcome.departmentId!,
              outcome.period!,
              outcome.revisions,
              userId,
            );
          return;
        }
        await ack();
        if (outcome.duplicate) return;
        await noteRevisionsOnPackets(
          { ...deps, client },
          outcome.departmentId,
          outcome.period,
          outcome.revisions,
          userId,
        );
        const confirmation = await loadConfirmation(
          deps.prisma,
          userId,
          outcome.departmentId,
          outcome.period,
          deps.clock.now(),
        );
        for (const page of confirmation ? buildSubmissionConfirmation(confirmation) : [])
          await sendDm(client, userId, page, deps.logger);
      },
    );
  });
}
