// `/stat followup @owner <text> by <date>`: when everything is clear the modal opens pre-filled
// for a final check; a vague date is left empty for the chair to pick, never guessed.

import { formatDay, localDateOf } from '../../domain/calendar/index.js';
import { parseFollowUpCommand } from '../../domain/followups/parse-followup-command.js';
import { toSlackView } from '../../infra/slack/blocks.js';
import { departmentOfPerson, loadFollowUpChoices } from '../../services/followups/followup-form.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildFollowUpModal } from '../../views/followup-modal.js';
import { escapeMrkdwn } from '../../views/mrkdwn.js';
import { refusalFor } from '../shared/authorize.js';
import { recordFollowUpAndNotify } from '../shared/record-followup.js';
import { userFacingMessage } from '../shared/user-facing-error.js';
import type { SubcommandHandler } from './stat-command.js';

export const handleFollowUpCommand: SubcommandHandler = async ({ ack, command, client, respond }, rest, deps) => {
  await ack();
  try {
    const refusal = await refusalFor(deps.prisma, command.user_id, 'record_decision');
    if (refusal) return void (await respond({ response_type: 'ephemeral', text: refusal }));
    const settings = await loadProgramSettings(deps.prisma);
    const draft = parseFollowUpCommand(rest, localDateOf(deps.clock.now(), settings.calendar.timezone));
    const departmentId = draft.ownerUserId ? await departmentOfPerson(deps.prisma, draft.ownerUserId) : null;
    if (draft.ownerUserId && draft.dueDate && draft.text && departmentId) {
      const result = await recordFollowUpAndNotify(client, deps, {
        departmentId,
        ownerUserId: draft.ownerUserId,
        text: draft.text,
        dueDate: draft.dueDate,
        createdBy: command.user_id,
        now: deps.clock.now(),
        interactionKey: `cmd:${command.trigger_id}`,
      });
      if (result.ok)
        return void (await respond({
          response_type: 'ephemeral',
          text: `:white_check_mark: Follow-up recorded for <@${draft.ownerUserId}>, due ${formatDay(draft.dueDate)} ("by ${escapeMrkdwn(draft.dateText ?? '')}"). They have been told.`,
        }));
      if (result.field !== 'owner' && result.field !== 'due_date')
        return void (await respond({ response_type: 'ephemeral', text: result.message }));
    }
    const note =
      draft.dateText === null && /\sby\s/i.test(rest)
        ? 'I could not read that date for certain — please pick it below.'
        : undefined;
    const view = buildFollowUpModal({
      ...(await loadFollowUpChoices(deps.prisma)),
      ownerUserId: draft.ownerUserId,
      dueDate: draft.dueDate,
      text: draft.text,
      note,
      departmentId,
    });
    await client.views.open({ trigger_id: command.trigger_id, view: toSlackView(view) });
  } catch (err) {
    deps.logger.error('/stat followup failed', { err });
    await respond({ response_type: 'ephemeral', text: userFacingMessage(err) });
  }
};
