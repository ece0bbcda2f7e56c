// The follow-up modal submitted: checked before the ack (errors inline), saved, owner told.
import type { App } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { formatDay } from '../../domain/calendar/index.js';
import { toSlackView } from '../../infra/slack/blocks.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import {
  FOLLOWUP_BLOCKS,
  FOLLOWUP_CALLBACK_ID,
  followUpMetadataSchema,
  parseFollowUpState,
} from '../../views/followup-modal.js';
import { buildNoticeModal } from '../../views/notice-modal.js';
import { refusalFor } from '../shared/authorize.js';
import { recordFollowUpAndNotify } from '../shared/record-followup.js';
import { userFacingMessage } from '../shared/user-facing-error.js';

const BLOCK_OF_FIELD = {
  text: FOLLOWUP_BLOCKS.text,
  due_date: FOLLOWUP_BLOCKS.due,
  owner: FOLLOWUP_BLOCKS.owner,
  department: FOLLOWUP_BLOCKS.department,
} as const;

export function registerFollowUpCreateView(app: App, deps: Deps): void {
  app.view(FOLLOWUP_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    try {
      const refusal = await refusalFor(deps.prisma, userId, 'record_decision');
      if (refusal)
        return void (await ack({
          response_action: 'update',
          view: toSlackView(buildNoticeModal('Not saved', refusal)),
        }));
      const v = parseFollowUpState(view.state.values);
      const errors: Record<string, string> = {};
      if (!v.text.trim()) errors[FOLLOWUP_BLOCKS.text] = 'Write what was decided';
      if (!v.ownerUserId) errors[FOLLOWUP_BLOCKS.owner] = 'Pick the owner';
      if (!v.dueDate) errors[FOLLOWUP_BLOCKS.due] = 'Pick a due date';
      if (!v.departmentId) errors[FOLLOWUP_BLOCKS.department] = 'Pick the department';
      if (Object.keys(errors).length) return void (await ack({ response_action: 'errors', errors }));
      const meta = followUpMetadataSchema.safeParse(JSON.parse(view.private_metadata || '{}'));
      const result = await recordFollowUpAndNotify(client, deps, {
        departmentId: v.departmentId!,
        ownerUserId: v.ownerUserId!,
        text: v.text,
        dueDate: v.dueDate!,
        metricId: v.metricId,
        meetingId: meta.success ? meta.data.m : null,
        sourceLink: meta.success ? meta.data.s : null,
        createdBy: userId,
        now: deps.clock.now(),
        interactionKey: `followup:${view.id}:${view.hash}`,
      });
      if (!result.ok)
        return void (await ack({
          response_action: 'errors',
          errors: { [BLOCK_OF_FIELD[result.field]]: result.message },
        }));
      await ack();
      if (result.id)
        await sendDm(
          client,
          userId,
          {
            text: `Follow-up recorded for <@${v.ownerUserId}>, due ${formatDay(v.dueDate!)}. They have been told.`,
            blocks: [],
          },
          deps.logger,
        );
    } catch (err) {
      deps.logger.error('saving a follow-up failed', { err });
      await ack({
        response_action: 'update',
        view: toSlackView(buildNoticeModal('Not saved', userFacingMessage(err))),
      });
    }
  });
}
