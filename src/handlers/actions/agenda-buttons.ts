// Buttons on the agenda: "Post to channel" (chairs) and "Record decision" (opens the follow-up
// modal pre-filled with the metric and meeting).

import type { Deps } from '../../app/deps.js';
import { parseRowId } from '../../domain/row-id.js';
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
import type { Routes } from '../routes.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';

export function registerAgendaButtons(routes: Routes, deps: Deps): void {
  routes.action(POST_AGENDA_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const reply = privateReply(respond);
    await answerAfterAck(deps, 'posting the agenda', reply, async () => {
      if (await refuseUnlessAllowed(deps, body.user.id, 'post_agenda', reply)) return;
      const meetingId = parseRowId('value' in action ? action.value : null);
      const agenda = meetingId === null ? null : await buildAgenda(deps.prisma, meetingId, deps.clock.now());
      if (!agenda) return reply(MESSAGES.meetingGone);
      const channel = agenda.meeting.channelId;
      const posted = await postPages(client, channel, buildAgendaMessages(agenda, { interactive: false }));
      await reply(posted.ok ? MESSAGES.agendaPosted(channel) : channelProblem(posted.code, channel));
    });
  });

  routes.action(RECORD_DECISION_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const reply = privateReply(respond);
    await answerAfterAck(
      deps,
      'record-decision',
      reply,
      async () => {
        if (await refuseUnlessAllowed(deps, body.user.id, 'record_decision', reply)) return;
        const ref = decodeDecision('value' in action ? action.value : undefined);
        if (!ref) return reply(MESSAGES.somethingWentWrong);
        const view = buildFollowUpModal({ ...(await loadFollowUpChoices(deps.prisma)), ...ref });
        await client.views.open({ trigger_id: body.trigger_id, view });
      },
      { urgent: true },
    );
  });
}
