// The numbers form submitted. Validation and saving happen BEFORE the ack, so errors appear
// inline under the field and "saved" means saved; the confirmation DM goes after the ack.

import type { Deps } from '../../app/deps.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { createSlackGateway } from '../../infra/slack/slack-gateway.js';
import { loadConfirmation, submitNumbersPage } from '../../services/collection/submit-form.js';
import { noteRevisionsOnPackets } from '../../services/roundtable/note-revisions.js';
import { requestSignOff } from '../../services/signoff/sign-off.js';
import { MESSAGES } from '../../views/messages.js';
import { buildRevisionNote } from '../../views/packet-message.js';
import { buildSignOffRequest } from '../../views/sign-off-message.js';
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
import type { Routes } from '../routes.js';
import { afterAck, answerFailures, viewAnswers } from '../shared/listener-kit.js';

export function registerSubmissionView(routes: Routes, deps: Deps): void {
  routes.view(SUBMISSION_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const answer = viewAnswers(ack);
    await answerFailures(deps, 'saving a submission', answer.fail, async () => {
      const metadata = parseSubmissionMetadata(view.private_metadata);
      if (!metadata) return answer.notice(MESSAGES.titles.formOutOfDate, MESSAGES.somethingWentWrong);
      const outcome = await submitNumbersPage(deps.prisma, {
        userId,
        ...metadata,
        entries: parseSubmissionState(view.state.values),
        metricsPerPage: METRICS_PER_PAGE,
        interactionKey: `submit:${view.id}:${view.hash}`,
        now: deps.clock.now(),
      });
      if (outcome.kind === 'errors') return answer.errors(buildSubmissionErrors(outcome.problems));
      if (outcome.kind === 'rejected')
        return answer.notice(MESSAGES.titles.notSaved, describeFormRefusal(outcome.reason));
      const revised = { ...deps, slack: createSlackGateway(client), render: buildRevisionNote };
      if (outcome.kind === 'show') {
        await answer.update(buildSubmissionModal(outcome.form));
        const { departmentId, period, revisions } = outcome;
        if (revisions?.length)
          await afterAck(() => noteRevisionsOnPackets(revised, departmentId!, period!, revisions, userId));
        return;
      }
      await answer.ack();
      if (outcome.duplicate) return;
      // The values are saved; the rest (packet notes, confirmation, sign-off) waits its turn in the
      // after-ack queue, so it does not take the CPU and connections the next forms' saves need.
      await afterAck(async () => {
        await noteRevisionsOnPackets(revised, outcome.departmentId, outcome.period, outcome.revisions, userId);
        const now = deps.clock.now();
        const confirmation = await loadConfirmation(deps.prisma, userId, outcome.departmentId, outcome.period, now);
        for (const page of confirmation ? buildSubmissionConfirmation(confirmation) : [])
          await sendDm(client, userId, page, deps.logger);
        // The head's sign-off (issue 15): complete numbers go to the head for approval.
        const signOff = await requestSignOff(
          deps.prisma,
          outcome.departmentId,
          outcome.period,
          userId,
          now,
          outcome.revisions.length > 0,
        );
        for (const head of signOff?.to ?? [])
          await sendDm(client, head.userId, buildSignOffRequest(signOff!, head.onBehalfOf), deps.logger);
      });
    });
  });
}
