// "See who is late" on the chair's escalation DM → the late list, as an ephemeral reply.

import type { Deps } from '../../app/deps.js';
import { isPeriodKey } from '../../domain/calendar/index.js';
import { getCollectionStatus } from '../../services/collection/collection-status.js';
import { OPEN_STATUS_ACTION_ID } from '../../views/collection-reminder.js';
import { MESSAGES } from '../../views/messages.js';
import { buildStatusMessage } from '../../views/status-message.js';
import type { Routes } from '../routes.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';

export function registerOpenStatus(routes: Routes, deps: Deps): void {
  routes.action(OPEN_STATUS_ACTION_ID, async ({ ack, body, action, respond }) => {
    await ack();
    const reply = privateReply(respond);
    await answerAfterAck(deps, 'status button', reply, async () => {
      const period = 'value' in action && isPeriodKey(action.value ?? '') ? action.value! : null;
      if (!period) return reply(MESSAGES.staleButton);
      if (await refuseUnlessAllowed(deps, body.user.id, 'view_status', reply)) return;
      const status = await getCollectionStatus(deps.prisma, period, deps.clock.now());
      for (const page of buildStatusMessage(status)) await reply(page);
    });
  });
}
