// `/stat brief [period]`: the monthly citywide brief on demand, privately, for chairs and admins.
import {
  formatPeriodLabel,
  frequencyOfPeriod,
  lastClosedPeriod,
  localDateOf,
  parsePeriodInput,
} from '../../domain/calendar/index.js';
import { buildCitywideBrief } from '../../services/brief/build-brief.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildBriefMessages } from '../../views/brief-message.js';
import { MESSAGES } from '../../views/messages.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleBriefCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerAfterAck(deps, '/stat brief', reply, async () => {
    if (await refuseUnlessAllowed(deps, command.user_id, 'view_citywide', reply)) return;
    const now = deps.clock.now();
    const { timezone } = (await loadProgramSettings(deps.prisma)).calendar;
    const parsed = rest ? parsePeriodInput(rest, localDateOf(now, timezone)) : null;
    if (parsed && !parsed.ok) return reply(`${parsed.message} ${MESSAGES.briefPeriodHint}`);
    const closed = lastClosedPeriod(now, 'monthly', timezone);
    const month = parsed?.value ?? closed;
    if (frequencyOfPeriod(month) !== 'monthly') return reply(MESSAGES.briefPeriodHint);
    if (month > closed) return reply(MESSAGES.periodNotClosed(formatPeriodLabel(month)));
    for (const page of buildBriefMessages(await buildCitywideBrief(deps.prisma, month, now))) await reply(page);
  });
};
