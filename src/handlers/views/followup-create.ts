// The follow-up modal submitted: checked before the ack (errors inline), saved, owner told.
// recordFollowUp checks the permission to record decisions (the one place).

import type { Deps } from '../../app/deps.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import {
  FOLLOWUP_BLOCKS,
  FOLLOWUP_CALLBACK_ID,
  followUpFormErrors,
  followUpMetadataSchema,
  parseFollowUpState,
} from '../../views/followup-modal.js';
import { MESSAGES } from '../../views/messages.js';
import type { Routes } from '../routes.js';
import { answerFailures, viewAnswers } from '../shared/listener-kit.js';
import { recordDecision } from '../shared/record-decision.js';

const BLOCK_OF_FIELD = {
  text: FOLLOWUP_BLOCKS.text,
  due_date: FOLLOWUP_BLOCKS.due,
  owner: FOLLOWUP_BLOCKS.owner,
  department: FOLLOWUP_BLOCKS.department,
} as const;

export function registerFollowUpCreateView(routes: Routes, deps: Deps): void {
  routes.view(FOLLOWUP_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const answer = viewAnswers(ack);
    await answerFailures(deps, 'saving a follow-up', answer.fail, async () => {
      const v = parseFollowUpState(view.state.values);
      const missing = followUpFormErrors(v);
      if (Object.keys(missing).length) return answer.errors(missing);
      const meta = followUpMetadataSchema.safeParse(JSON.parse(view.private_metadata || '{}'));
      const result = await recordDecision(client, deps, {
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
      if (result.kind === 'not_allowed')
        return answer.notice(MESSAGES.titles.notSaved, MESSAGES.notAllowedTo('record_decision'));
      if (result.kind === 'owner_problem')
        return answer.errors({ [FOLLOWUP_BLOCKS.owner]: MESSAGES.ownerProblem(result.problem) });
      if (result.kind === 'invalid') return answer.errors({ [BLOCK_OF_FIELD[result.field]]: result.message });
      await answer.ack();
      if (result.kind !== 'recorded') return; // a retry of one already saved
      const recorded = MESSAGES.followUpRecorded(v.ownerUserId!, v.dueDate!);
      const text = result.ownerTold ? recorded : `${recorded}\n${MESSAGES.dmNotDelivered(v.ownerUserId!)}`;
      await sendDm(client, userId, { text, blocks: [] }, deps.logger);
    });
  });
}
