// "See who is late" on the chair's escalation DM → the late list, as an ephemeral reply.
import type { App } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { isPeriodKey } from '../../domain/calendar/index.js';
import { can } from '../../domain/permissions.js';
import { toSlackBlocks } from '../../infra/slack/blocks.js';
import { loadActor } from '../../services/actors.js';
import { getCollectionStatus } from '../../services/collection/collection-status.js';
import { OPEN_STATUS_ACTION_ID } from '../../views/collection-reminder.js';
import { MESSAGES } from '../../views/messages.js';
import { buildStatusMessage } from '../../views/status-message.js';
import { userFacingMessage } from '../shared/user-facing-error.js';

export function registerOpenStatus(app: App, deps: Deps): void {
  app.action({ type: 'block_actions', action_id: OPEN_STATUS_ACTION_ID }, async ({ ack, body, action, respond }) => {
    await ack();
    try {
      const period = 'value' in action && isPeriodKey(action.value ?? '') ? action.value! : null;
      const actor = await loadActor(deps.prisma, body.user.id);
      if (!period)
        return void (await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: MESSAGES.staleButton,
        }));
      if (!can(actor, 'view_status'))
        return void (await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: MESSAGES.notAllowed('see the submission status'),
        }));
      const msg = buildStatusMessage(await getCollectionStatus(deps.prisma, period, deps.clock.now()));
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: msg.text,
        blocks: toSlackBlocks(msg.blocks),
      });
    } catch (err) {
      deps.logger.error('status button failed', { err });
      await respond({ response_type: 'ephemeral', replace_original: false, text: userFacingMessage(err) });
    }
  });
}
