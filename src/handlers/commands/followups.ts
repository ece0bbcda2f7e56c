// `/stat followups [mine|overdue|all|<department>]`, and for chairs
// `/stat followups cancel <id> <reason>`, `… reassign <id> @owner [reason]`, `… due <id> <date> [reason]`.
// The words are parsed in src/domain/followups/parse-followups-command.ts; manageFollowUp checks
// the permission for a change, the one place.

import { localDateOf } from '../../domain/calendar/index.js';
import { parseFollowUpsCommand } from '../../domain/followups/parse-followups-command.js';
import { slackPeopleDirectory } from '../../infra/slack/people.js';
import { listFollowUps } from '../../services/followups/list-followups.js';
import { manageFollowUp } from '../../services/followups/manage-followup.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildFollowUpList, followUpListTitle } from '../../views/followup-list-message.js';
import { MESSAGES } from '../../views/messages.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleFollowUpsCommand: SubcommandHandler = async ({ ack, command, respond, client }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerAfterAck(deps, '/stat followups', reply, async () => {
    const now = deps.clock.now();
    const today = localDateOf(now, (await loadProgramSettings(deps.prisma)).calendar.timezone);
    const parsed = parseFollowUpsCommand(rest, today);
    if (parsed.kind === 'invalid') return reply(MESSAGES.followUpsProblem(parsed.problem, parsed.idText));
    if (parsed.kind === 'change') {
      const people = slackPeopleDirectory(client);
      const outcome = await manageFollowUp(deps.prisma, parsed.followUpId, command.user_id, parsed.change, now, people);
      if (outcome.kind === 'done')
        return reply(MESSAGES.followUpChanged(parsed.followUpId, MESSAGES.followUpChangeResult(outcome.result)));
      if (outcome.kind === 'not_found') return reply(MESSAGES.followUpNotFound(parsed.followUpId));
      if (outcome.kind === 'not_allowed') return reply(MESSAGES.notAllowedTo('manage_followup'));
      if (outcome.kind === 'owner_problem') return reply(MESSAGES.ownerProblem(outcome.problem));
      if (outcome.kind === 'missing_reason') return reply(MESSAGES.followUpsProblem('missing_reason', ''));
      return reply(MESSAGES.followUpAlreadyDecided(outcome.status));
    }
    if (parsed.filter.kind !== 'mine' && (await refuseUnlessAllowed(deps, command.user_id, 'view_agenda', reply)))
      return;
    const items = await listFollowUps(deps.prisma, parsed.filter, command.user_id, now);
    for (const page of buildFollowUpList(followUpListTitle(parsed.filter), items)) await reply(page);
  });
};
