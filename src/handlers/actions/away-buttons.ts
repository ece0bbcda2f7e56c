// App Home's "I'm away…" (opens the modal at once: the trigger lives ~3 s) and "I'm back".

import type { Deps } from '../../app/deps.js';
import { localDateOf } from '../../domain/calendar/index.js';
import { clearAway, currentAbsence } from '../../services/people/absences.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildAwayModal, END_AWAY_ACTION_ID, OPEN_AWAY_ACTION_ID } from '../../views/away-view.js';
import type { Routes } from '../routes.js';
import { answerAfterAck } from '../shared/listener-kit.js';
import { publishHome } from '../shared/publish-home.js';

export function registerAwayButtons(routes: Routes, deps: Deps): void {
  routes.action(OPEN_AWAY_ACTION_ID, async ({ ack, body, client }) => {
    await ack();
    await answerAfterAck(
      deps,
      'opening the away form',
      async () => undefined,
      async () => {
        const now = deps.clock.now();
        const { calendar } = await loadProgramSettings(deps.prisma);
        const current = await currentAbsence(deps.prisma, body.user.id, now);
        await client.views.open({
          trigger_id: body.trigger_id,
          view: buildAwayModal(localDateOf(now, calendar.timezone), current),
        });
      },
      { urgent: true },
    );
  });
  routes.action(END_AWAY_ACTION_ID, async ({ ack, body, client }) => {
    await ack();
    await answerAfterAck(
      deps,
      "I'm back",
      async () => undefined,
      async () => {
        await clearAway(deps.prisma, body.user.id);
        await publishHome(deps, client, body.user.id);
      },
    );
  });
}
