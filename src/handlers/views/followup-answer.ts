// An owner's answer submitted: saved before the ack; the chair hears about blockers and
// requests for more time at once. answerFollowUp checks that the person may answer.

import type { Deps } from '../../app/deps.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { chairs } from '../../services/actors.js';
import { answerFollowUp } from '../../services/followups/answer-followup.js';
import { loadFollowUpCard } from '../../services/followups/followup-card.js';
import {
  ANSWER_BLOCKS,
  ANSWER_THANKS,
  FOLLOWUP_ANSWER_CALLBACK_ID,
  parseAnswerMetadata,
  parseAnswerState,
} from '../../views/followup-answer-modal.js';
import { buildBlockedNotice, buildMoreTimeRequest } from '../../views/followup-chair-messages.js';
import { MESSAGES } from '../../views/messages.js';
import type { Routes } from '../routes.js';
import { answerFailures, viewAnswers } from '../shared/listener-kit.js';

const { notSaved } = MESSAGES.titles;

export function registerFollowUpAnswerView(routes: Routes, deps: Deps): void {
  routes.view(FOLLOWUP_ANSWER_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const answer = viewAnswers(ack);
    await answerFailures(deps, 'saving a follow-up answer', answer.fail, async () => {
      const meta = parseAnswerMetadata(view.private_metadata);
      if (!meta) return answer.notice(notSaved, MESSAGES.somethingWentWrong);
      const { note, date } = parseAnswerState(view.state.values);
      const input = { ...meta, userId: body.user.id, note, proposedDueDate: date, now: deps.clock.now() };
      const outcome = await answerFollowUp(deps.prisma, input);
      if (outcome.kind === 'invalid')
        return answer.errors({ [outcome.field === 'date' ? ANSWER_BLOCKS.date : ANSWER_BLOCKS.note]: outcome.message });
      if (outcome.kind === 'not_found') return answer.notice(notSaved, MESSAGES.followUpGone);
      if (outcome.kind === 'not_allowed') return answer.notice(notSaved, MESSAGES.notAllowedTo('update_followup'));
      if (outcome.kind === 'already_closed')
        return answer.notice(MESSAGES.titles.alreadyClosed, MESSAGES.followUpClosed(outcome.status));
      await answer.notice(MESSAGES.titles.thanks, ANSWER_THANKS[meta.kind]);
      if (meta.kind !== 'more_time' && meta.kind !== 'blocked') return;
      const card = await loadFollowUpCard(deps.prisma, meta.followUpId);
      if (!card) return;
      const message =
        meta.kind === 'more_time'
          ? buildMoreTimeRequest(card, body.user.id, date!, note, outcome.updateId)
          : buildBlockedNotice(card, body.user.id, note);
      const undelivered: string[] = [];
      for (const chair of await chairs(deps.prisma))
        if (!(await sendDm(client, chair, message, deps.logger))) undelivered.push(chair);
      if (undelivered.length)
        deps.logger.error('the chairs could not all be told of a follow-up answer', { undelivered });
    });
  });
}
