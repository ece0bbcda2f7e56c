// `/stat goals [priority]`: the goals and their rolled-up status, privately, for chairs and admins.
import { lastClosedPeriod } from '../../domain/calendar/index.js';
import { buildGoalReport } from '../../services/goals/goal-report.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildGoalsMessages } from '../../views/goals-message.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleGoalsCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerAfterAck(deps, '/stat goals', reply, async () => {
    if (await refuseUnlessAllowed(deps, command.user_id, 'view_citywide', reply)) return;
    const now = deps.clock.now();
    const settings = await loadProgramSettings(deps.prisma);
    const tz = settings.calendar.timezone;
    const periods = {
      monthly: lastClosedPeriod(now, 'monthly', tz),
      quarterly: lastClosedPeriod(now, 'quarterly', tz),
    };
    const report = await buildGoalReport(deps.prisma, periods, {
      fiscalYearStart: settings.fiscalYearStart,
      priority: rest.trim() || undefined,
    });
    for (const page of buildGoalsMessages(report)) await reply(page);
  });
};
