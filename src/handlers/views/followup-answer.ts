// An owner's answer submitted: saved before the ack; the chair hears about blockers and
// requests for more time at once.
import type { App } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { toSlackView } from '../../infra/slack/blocks.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { chairs } from '../../services/actors.js';
import { answerFollowUp } from '../../services/followups/answer-followup.js';
import { loadFollowUpCard } from '../../services/followups/followup-card.js';
import {
  ANSWER_BLOCKS,
  answerMetadataSchema,
  FOLLOWUP_ANSWER_CALLBACK_ID,
  parseAnswerState,
} from '../../views/followup-answer-modal.js';
import { buildBlockedNotice, buildMoreTimeRequest } from '../../views/followup-chair-messages.js';
import { MESSAGES } from '../../views/messages.js';
import { buildNoticeModal } from '../../views/notice-modal.js';
import { FOLLOWUP_GONE } from '../actions/followup-answer-buttons.js';
import { userFacingMessage } from '../shared/user-facing-error.js';

const THANKS = {
  done: 'Marked done — thank you! It will show as closed on the next agenda.',
  update: 'Update posted — it will appear on the next agenda.',
  more_time: 'Request sent to the chair; you will hear back here.',
  blocked: 'The chair has been told you are blocked.',
} as const;

export function registerFollowUpAnswerView(app: App, deps: Deps): void {
  app.view(FOLLOWUP_ANSWER_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const notice = (title: string, text: string) =>
      ack({ response_action: 'update', view: toSlackView(buildNoticeModal(title, text)) });
    try {
      const meta = answerMetadataSchema.safeParse(JSON.parse(view.private_metadata || '{}'));
      if (!meta.success) return void (await notice('Not saved', MESSAGES.somethingWentWrong));
      const { note, date } = parseAnswerState(view.state.values);
      const now = deps.clock.now();
      const outcome = await answerFollowUp(deps.prisma, {
        followUpId: meta.data.f,
        userId: body.user.id,
        kind: meta.data.k,
        note,
        proposedDueDate: date,
        now,
      });
      if (outcome.kind === 'invalid')
        return void (await ack({
          response_action: 'errors',
          errors: { [outcome.field === 'date' ? ANSWER_BLOCKS.date : ANSWER_BLOCKS.note]: outcome.message },
        }));
      if (outcome.kind === 'not_found') return void (await notice('Not saved', FOLLOWUP_GONE));
      if (outcome.kind === 'not_allowed')
        return void (await notice('Not saved', MESSAGES.notAllowed('update this follow-up (only its owner can)')));
      if (outcome.kind === 'already_closed')
        return void (await notice(
          'Already closed',
          `This follow-up is already ${outcome.status}; nothing was changed.`,
        ));
      await notice('Thank you', THANKS[meta.data.k]);
      const card = await loadFollowUpCard(deps.prisma, meta.data.f);
      if (!card || (meta.data.k !== 'more_time' && meta.data.k !== 'blocked')) return;
      const message =
        meta.data.k === 'more_time'
          ? buildMoreTimeRequest(card, body.user.id, date!, note, outcome.updateId)
          : buildBlockedNotice(card, body.user.id, note);
      for (const chair of await chairs(deps.prisma)) await sendDm(client, chair, message, deps.logger);
    } catch (err) {
      deps.logger.error('saving a follow-up answer failed', { err });
      await notice('Not saved', userFacingMessage(err));
    }
  });
}
