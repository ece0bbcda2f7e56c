// `/stat status [period]` → the late list, privately.

import { lastClosedPeriod, localDateOf, parsePeriodInput } from '../../domain/calendar/index.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { slackWorkspaceDirectory } from '../../infra/slack/workspace-directory.js';
import { getCollectionStatus } from '../../services/collection/collection-status.js';
import { syncUserGroups } from '../../services/people/sync-groups.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildEmptyGroupMessage } from '../../views/delivery-messages.js';
import { MESSAGES } from '../../views/messages.js';
import { buildStatusMessage } from '../../views/status-message.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleStatusCommand: SubcommandHandler = async ({ ack, command, respond, client }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerAfterAck(deps, '/stat status', reply, async () => {
    if (await refuseUnlessAllowed(deps, command.user_id, 'view_status', reply)) return;
    const now = deps.clock.now();
    const { timezone } = (await loadProgramSettings(deps.prisma)).calendar;
    const parsed = rest ? parsePeriodInput(rest, localDateOf(now, timezone)) : null;
    if (parsed && !parsed.ok) return reply(`${parsed.message} ${MESSAGES.statusPeriodHint}`);
    const period = parsed?.value ?? lastClosedPeriod(now, 'monthly', timezone);
    // Who (issue 15): the user groups are read again, so the list names today's liaisons.
    // If Slack cannot say, the list names the members last known.
    const groups = await syncUserGroups(
      deps.prisma,
      slackWorkspaceDirectory(client),
      { period, force: true },
      now,
    ).catch((err: unknown) => {
      deps.logger.warn('could not re-read the user groups for /stat status', { err });
      return null;
    });
    for (const group of groups?.toReport ?? [])
      for (const admin of groups?.admins ?? []) await sendDm(client, admin, buildEmptyGroupMessage(group), deps.logger);
    for (const page of buildStatusMessage(await getCollectionStatus(deps.prisma, period, now))) await reply(page);
  });
};
