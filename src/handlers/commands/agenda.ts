// `/stat agenda [next|department|date]`: the ranked agenda, privately, for the chair to post.
// Others get a read-only copy, or a refusal if the program keeps agendas to chairs.

import { localDateOf } from '../../domain/calendar/index.js';
import { readCertainDate } from '../../domain/followups/parse-followup-command.js';
import { agendaAccess } from '../../services/authorize.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildAgenda } from '../../services/roundtable/build-agenda.js';
import { findMeeting, type MeetingSelector } from '../../services/roundtable/find-meeting.js';
import { buildAgendaMessages } from '../../views/agenda-message.js';
import { MESSAGES } from '../../views/messages.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleAgendaCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerAfterAck(deps, '/stat agenda', reply, async () => {
    const now = deps.clock.now();
    const settings = await loadProgramSettings(deps.prisma);
    const access = await agendaAccess(deps.prisma, command.user_id, settings.agendaVisibility === 'chairs_only');
    if (access === 'refused') return reply(MESSAGES.notAllowedTo('view_agenda'));
    const selector = selectorFrom(rest, localDateOf(now, settings.calendar.timezone));
    const meeting = await findMeeting(deps.prisma, selector, now, settings.calendar.timezone);
    if (!meeting) return reply(MESSAGES.noMeetingFound(rest));
    const agenda = await buildAgenda(deps.prisma, meeting.id, now);
    if (!agenda) return reply(MESSAGES.somethingWentWrong);
    for (const page of buildAgendaMessages(agenda, { interactive: access === 'interactive' })) await reply(page);
  });
};

function selectorFrom(rest: string, today: string): MeetingSelector {
  const word = rest.trim();
  if (!word || word.toLowerCase() === 'next') return { kind: 'next' };
  const date = readCertainDate(word, today);
  return date ? { kind: 'date', date } : { kind: 'department', key: word };
}
