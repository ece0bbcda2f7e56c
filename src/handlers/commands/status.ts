// `/stat status [period]` → the late list, privately.

import { lastClosedPeriod, localDateOf, parsePeriodInput } from '../../domain/calendar/index.js';
import { getCollectionStatus } from '../../services/collection/collection-status.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { MESSAGES } from '../../views/messages.js';
import { buildStatusMessage } from '../../views/status-message.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerFailures, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleStatusCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerFailures(deps, '/stat status', reply, async () => {
    if (await refuseUnlessAllowed(deps, command.user_id, 'view_status', reply)) return;
    const now = deps.clock.now();
    const { timezone } = (await loadProgramSettings(deps.prisma)).calendar;
    const parsed = rest ? parsePeriodInput(rest, localDateOf(now, timezone)) : null;
    if (parsed && !parsed.ok) return reply(`${parsed.message} ${MESSAGES.statusPeriodHint}`);
    const period = parsed?.value ?? lastClosedPeriod(now, 'monthly', timezone);
    for (const page of buildStatusMessage(await getCollectionStatus(deps.prisma, period, now))) await reply(page);
  });
};
