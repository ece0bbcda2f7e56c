// "I'm away" submitted: checked and saved before the ack, so a problem shows on its field.

import type { Deps } from '../../app/deps.js';
import { setAway } from '../../services/people/absences.js';
import { AWAY_BLOCKS, AWAY_CALLBACK_ID, AWAY_PROBLEMS, AWAY_SAVED, parseAwayState } from '../../views/away-view.js';
import { MESSAGES } from '../../views/messages.js';
import type { Routes } from '../routes.js';
import { answerFailures, viewAnswers } from '../shared/listener-kit.js';
import { publishHome } from '../shared/publish-home.js';

export function registerAwayView(routes: Routes, deps: Deps): void {
  routes.view(AWAY_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const answer = viewAnswers(ack);
    await answerFailures(deps, 'saving an absence', answer.fail, async () => {
      const outcome = await setAway(deps.prisma, body.user.id, parseAwayState(view.state.values), deps.clock.now());
      if (outcome.kind === 'refused') {
        const p = AWAY_PROBLEMS[outcome.problem];
        return answer.errors({ [AWAY_BLOCKS[p.block]]: p.text });
      }
      await answer.notice(MESSAGES.titles.thanks, AWAY_SAVED);
      await publishHome(deps, client, body.user.id);
    });
  });
}
