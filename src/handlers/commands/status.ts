// `/stat status [period]` → the late list, privately.

import { lastClosedPeriod, localDateOf, parsePeriodInput } from '../../domain/calendar/index.js';
import { can } from '../../domain/permissions.js';
import { toSlackBlocks } from '../../infra/slack/blocks.js';
import { loadActor } from '../../services/actors.js';
import { getCollectionStatus } from '../../services/collection/collection-status.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { MESSAGES } from '../../views/messages.js';
import { buildStatusMessage } from '../../views/status-message.js';
import { userFacingMessage } from '../shared/user-facing-error.js';
import type { SubcommandHandler } from './stat-command.js';

export const handleStatusCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  try {
    const now = deps.clock.now();
    const actor = await loadActor(deps.prisma, command.user_id);
    if (!can(actor, 'view_status'))
      return void (await respond({
        response_type: 'ephemeral',
        text: MESSAGES.notAllowed('see the submission status'),
      }));
    const settings = await loadProgramSettings(deps.prisma);
    const parsed = rest ? parsePeriodInput(rest, localDateOf(now, settings.calendar.timezone)) : null;
    if (parsed && !parsed.ok)
      return void (await respond({
        response_type: 'ephemeral',
        text: `${parsed.message} Try \`/stat status 2026-10\`.`,
      }));
    const period = parsed?.value ?? lastClosedPeriod(now, 'monthly', settings.calendar.timezone);
    const status = await getCollectionStatus(deps.prisma, period, now);
    const msg = buildStatusMessage(status);
    await respond({ response_type: 'ephemeral', text: msg.text, blocks: toSlackBlocks(msg.blocks) });
  } catch (err) {
    deps.logger.error('/stat status failed', { err });
    await respond({ response_type: 'ephemeral', text: userFacingMessage(err) });
  }
};
