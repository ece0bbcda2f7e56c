// `/stat followup @owner <text> by <date>`: when everything is clear the follow-up is recorded
// at once; otherwise the modal opens pre-filled, a vague date left empty for the chair to pick.

import { localDateOf } from '../../domain/calendar/index.js';
import { parseFollowUpCommand } from '../../domain/followups/parse-followup-command.js';
import { departmentOfPerson, loadFollowUpChoices } from '../../services/followups/followup-form.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildFollowUpModal } from '../../views/followup-modal.js';
import { MESSAGES } from '../../views/messages.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';
import { recordDecision } from '../shared/record-decision.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleFollowUpCommand: SubcommandHandler = async ({ ack, command, client, respond }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerAfterAck(
    deps,
    '/stat followup',
    reply,
    async () => {
      if (await refuseUnlessAllowed(deps, command.user_id, 'record_decision', reply)) return;
      const now = deps.clock.now();
      const settings = await loadProgramSettings(deps.prisma);
      const draft = parseFollowUpCommand(rest, localDateOf(now, settings.calendar.timezone));
      const departmentId = draft.ownerUserId ? await departmentOfPerson(deps.prisma, draft.ownerUserId) : null;
      if (draft.ownerUserId && draft.dueDate && draft.text && departmentId) {
        const { ownerUserId, dueDate, text } = draft;
        const input = { departmentId, ownerUserId, text, dueDate, createdBy: command.user_id, now };
        const result = await recordDecision(client, deps, { ...input, interactionKey: `cmd:${command.trigger_id}` });
        if (result.kind === 'recorded' || result.kind === 'duplicate') {
          await reply(MESSAGES.followUpRecorded(ownerUserId, dueDate, draft.dateText ?? undefined));
          if (result.ownerTold === false) await reply(MESSAGES.dmNotDelivered(ownerUserId));
          return;
        }
        if (result.kind === 'not_allowed') return reply(MESSAGES.notAllowedTo('record_decision'));
        if (result.kind === 'invalid' && result.field !== 'due_date') return reply(result.message);
        // An owner Slack refuses, or a date in the past: the modal lets the chair fix it.
      }
      const note = draft.dateText === null && /\sby\s/i.test(rest) ? MESSAGES.unreadableDate : undefined;
      const view = buildFollowUpModal({
        ...(await loadFollowUpChoices(deps.prisma)),
        ownerUserId: draft.ownerUserId,
        dueDate: draft.dueDate,
        text: draft.text,
        note,
        departmentId,
      });
      await client.views.open({ trigger_id: command.trigger_id, view });
    },
    { urgent: true },
  );
};
