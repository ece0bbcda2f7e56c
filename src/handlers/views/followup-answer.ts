// An owner's answer submitted: saved before the ack; the chair hears about blockers and
// requests for more time at once. answerFollowUp checks that the person may answer.
import type { App } from '@slack/bolt';
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
import { buildNoticeModal } from '../../views/notice-modal.js';
import { answerFailures } from '../shared/listener-kit.js';

export function registerFollowUpAnswerView(app: App, deps: Deps): void {
  app.view(FOLLOWUP_ANSWER_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const notice = (title: string, text: string) =>
      ack({ response_action: 'update', view: buildNoticeModal(title, text) });
    let acked = false;
    const fail = (text: string) => (acked ? Promise.resolve() : notice('Not saved', text));
    await answerFailures(deps, 'saving a follow-up answer', fail, async () => {
      const meta = parseAnswerMetadata(view.private_metadata);
      if (!meta) return void (await notice('Not saved', MESSAGES.somethingWentWrong));
      const { note, date } = parseAnswerState(view.state.values);
      const outcome = await answerFollowUp(deps.prisma, {
        ...meta,
        userId: body.user.id,
        note,
        proposedDueDate: date,
        now: deps.clock.now(),
      });
      if (outcome.kind === 'invalid') {
        const block = outcome.field === 'date' ? ANSWER_BLOCKS.date : ANSWER_BLOCKS.note;
        return void (await ack({ response_action: 'errors', errors: { [block]: outcome.message } }));
      }
      if (outcome.kind === 'not_found') return void (await notice('Not saved', MESSAGES.followUpGone));
      if (outcome.kind === 'not_allowed')
        return void (await notice('Not saved', MESSAGES.notAllowedTo('update_followup')));
      if (outcome.kind === 'already_closed')
        return void (await notice('Already closed', MESSAGES.followUpClosed(outcome.status)));
      acked = true;
      await notice('Thank you', ANSWER_THANKS[meta.kind]);
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
        deps.logger.error('the chairs could not all be told about a follow-up answer', { undelivered });
    });
  });
}
