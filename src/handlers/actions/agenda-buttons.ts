// Buttons on the agenda: "Post to channel" (chairs) and "Record decision" (opens the follow-up
// modal pre-filled with the metric and meeting).
import type { App } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { parseRowId } from '../../domain/row-id.js';
import { toSlackView } from '../../infra/slack/blocks.js';
import { postPages } from '../../infra/slack/post-pages.js';
import { loadFollowUpChoices } from '../../services/followups/followup-form.js';
import { buildAgenda } from '../../services/roundtable/build-agenda.js';
import {
  buildAgendaMessages,
  decodeDecision,
  POST_AGENDA_ACTION_ID,
  RECORD_DECISION_ACTION_ID,
} from '../../views/agenda-message.js';
import { channelProblem } from '../../views/delivery-messages.js';
import { buildFollowUpModal } from '../../views/followup-modal.js';
import { MESSAGES } from '../../views/messages.js';
import { refusalFor } from '../shared/authorize.js';
import { userFacingMessage } from '../shared/user-facing-error.js';

export function registerAgendaButtons(app: App, deps: Deps): void {
  app.action(
    { type: 'block_actions', action_id: POST_AGENDA_ACTION_ID },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const reply = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
      try {
        const refusal = await refusalFor(deps.prisma, body.user.id, 'post_agenda');
        if (refusal) return void (await reply(refusal));
        const meetingId = parseRowId('value' in action ? action.value : null);
        const agenda = meetingId === null ? null : await buildAgenda(deps.prisma, meetingId, deps.clock.now());
        if (!agenda) return void (await reply('That meeting no longer exists.'));
        const posted = await postPages(
          client,
          agenda.meeting.channelId,
          buildAgendaMessages(agenda, { interactive: false }),
        );
        if (!posted.ok) return void (await reply(channelProblem(posted.code, agenda.meeting.channelId)));
        await reply(`Posted to <#${agenda.meeting.channelId}>.`);
      } catch (err) {
        deps.logger.error('posting the agenda failed', { err });
        await reply(userFacingMessage(err));
      }
    },
  );

  app.action(
    { type: 'block_actions', action_id: RECORD_DECISION_ACTION_ID },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      try {
        const refusal = await refusalFor(deps.prisma, body.user.id, 'record_decision');
        if (refusal)
          return void (await respond({ response_type: 'ephemeral', replace_original: false, text: refusal }));
        const ref = decodeDecision('value' in action ? action.value : undefined);
        if (!ref)
          return void (await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: MESSAGES.somethingWentWrong,
          }));
        const view = buildFollowUpModal({
          ...(await loadFollowUpChoices(deps.prisma)),
          departmentId: ref.departmentId,
          metricId: ref.metricId,
          meetingId: ref.meetingId,
        });
        await client.views.open({ trigger_id: body.trigger_id, view: toSlackView(view) });
      } catch (err) {
        deps.logger.error('record-decision failed', { err });
        await respond({ response_type: 'ephemeral', replace_original: false, text: userFacingMessage(err) });
      }
    },
  );
}
