// "Waiting on data" on a reminder → the modal (opened at once: the trigger lives ~3 s); its submission saves the pause.

import type { Deps } from '../../app/deps.js';
import { localDateOf } from '../../domain/calendar/index.js';
import { setWaitingOnData } from '../../services/collection/waiting-on-data.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { decodeOpenSubmission } from '../../views/collection-reminder.js';
import { MESSAGES } from '../../views/messages.js';
import {
  buildWaitingModal,
  parseWaitingState,
  WAITING_BLOCKS,
  WAITING_CALLBACK_ID,
  WAITING_ON_DATA_ACTION_ID,
  WAITING_SENTENCES,
} from '../../views/waiting-on-data.js';
import type { Routes } from '../routes.js';
import { answerAfterAck, answerFailures, privateReply, viewAnswers } from '../shared/listener-kit.js';

export function registerWaitingOnData(routes: Routes, deps: Deps): void {
  routes.action(WAITING_ON_DATA_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const reply = privateReply(respond);
    await answerAfterAck(
      deps,
      'waiting on data',
      reply,
      async () => {
        const value = 'value' in action ? action.value : undefined;
        if (!value || !decodeOpenSubmission(value)) return reply(MESSAGES.somethingWentWrong);
        const { calendar } = await loadProgramSettings(deps.prisma);
        const today = localDateOf(deps.clock.now(), calendar.timezone);
        await client.views.open({ trigger_id: body.trigger_id, view: buildWaitingModal(value, today) });
      },
      { urgent: true },
    );
  });
  routes.view(WAITING_CALLBACK_ID, async ({ ack, body, view }) => {
    const answer = viewAnswers(ack);
    await answerFailures(deps, 'waiting on data', answer.fail, async () => {
      const target = decodeOpenSubmission(view.private_metadata);
      if (!target) return answer.notice(MESSAGES.titles.notSaved, MESSAGES.somethingWentWrong);
      const state = parseWaitingState(view.state.values);
      const outcome = await setWaitingOnData(deps.prisma, {
        ...target,
        ...state,
        userId: body.user.id,
        now: deps.clock.now(),
      });
      if (outcome.kind === 'bad_date') return answer.errors({ [WAITING_BLOCKS.until]: WAITING_SENTENCES.badDate });
      if (outcome.kind === 'no_reason') return answer.errors({ [WAITING_BLOCKS.reason]: WAITING_SENTENCES.noReason });
      if (outcome.kind === 'not_allowed') return answer.notice(MESSAGES.titles.notSaved, WAITING_SENTENCES.notAllowed);
      if (outcome.kind === 'not_open') return answer.notice(MESSAGES.titles.notSaved, WAITING_SENTENCES.notOpen);
      await answer.notice(MESSAGES.titles.thanks, WAITING_SENTENCES.saved(outcome.until, outcome.capped));
    });
  });
}
