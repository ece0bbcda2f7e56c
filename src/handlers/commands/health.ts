// `/stat health [department]`: the program's own health, month by month, for chairs and admins.
import { loadProgramHealth } from '../../services/health/program-health.js';
import { buildHealthMessages } from '../../views/health-message.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleHealthCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerAfterAck(deps, '/stat health', reply, async () => {
    if (await refuseUnlessAllowed(deps, command.user_id, 'view_citywide', reply)) return;
    const report = await loadProgramHealth(deps.prisma, deps.clock.now());
    for (const page of buildHealthMessages(report, rest.trim() || undefined)) await reply(page);
  });
};
