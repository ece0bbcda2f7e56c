// "Return with a note" submitted: the numbers go back to the liaisons with the head's note.

import type { Deps } from '../../app/deps.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { decideSignOff } from '../../services/signoff/sign-off.js';
import { decodeOpenSubmission } from '../../views/collection-reminder.js';
import { MESSAGES } from '../../views/messages.js';
import {
  buildReturnedNotice,
  parseReturnNote,
  RETURN_NOTE_BLOCK,
  RETURN_SIGN_OFF_CALLBACK_ID,
  SIGN_OFF_SENTENCES,
} from '../../views/sign-off-message.js';
import type { Routes } from '../routes.js';
import { answerFailures, viewAnswers } from '../shared/listener-kit.js';

export function registerSignOffReturnView(routes: Routes, deps: Deps): void {
  routes.view(RETURN_SIGN_OFF_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const answer = viewAnswers(ack);
    await answerFailures(deps, 'returning numbers', answer.fail, async () => {
      const target = decodeOpenSubmission(view.private_metadata);
      if (!target) return answer.notice(MESSAGES.titles.notSaved, MESSAGES.somethingWentWrong);
      const note = parseReturnNote(view.state.values);
      if (!note) return answer.errors({ [RETURN_NOTE_BLOCK]: 'Say what the liaison should look at.' });
      const input = { ...target, userId: body.user.id, decision: 'return' as const, note, now: deps.clock.now() };
      const outcome = await decideSignOff(deps.prisma, input);
      if (outcome.kind === 'not_allowed') return answer.notice(MESSAGES.titles.notSaved, SIGN_OFF_SENTENCES.notAllowed);
      if (outcome.kind === 'locked') return answer.notice(MESSAGES.titles.notSaved, SIGN_OFF_SENTENCES.locked);
      if (outcome.kind === 'not_pending')
        return answer.notice(MESSAGES.titles.notSaved, SIGN_OFF_SENTENCES.notPending(outcome.status));
      if (outcome.kind !== 'returned') return;
      await answer.notice(
        MESSAGES.titles.thanks,
        SIGN_OFF_SENTENCES.returned(outcome.departmentName, outcome.periodLabel),
      );
      const notice = buildReturnedNotice({ head: body.user.id, ...target, ...outcome, note });
      for (const liaison of outcome.liaisons) await sendDm(client, liaison, notice, deps.logger);
    });
  });
}
