// `/stat agenda [next|department|date]`: the ranked agenda, privately, for the chair to post.
// Others get a read-only copy, or a refusal if the program keeps agendas to chairs.

import { CalendarInputError, localDateOf } from '../../domain/calendar/index.js';
import { readCertainDate } from '../../domain/followups/parse-followup-command.js';
import { can } from '../../domain/permissions.js';
import { toSlackBlocks } from '../../infra/slack/blocks.js';
import { loadActor } from '../../services/actors.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildAgenda } from '../../services/roundtable/build-agenda.js';
import { findMeeting, type MeetingSelector } from '../../services/roundtable/find-meeting.js';
import { buildAgendaMessages } from '../../views/agenda-message.js';
import { MESSAGES } from '../../views/messages.js';
import { userFacingMessage } from '../shared/user-facing-error.js';
import type { SubcommandHandler } from './stat-command.js';

export const handleAgendaCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = (text: string) => respond({ response_type: 'ephemeral', text });
  try {
    const now = deps.clock.now();
    const actor = await loadActor(deps.prisma, command.user_id);
    const settings = await loadProgramSettings(deps.prisma);
    const staff = can(actor, 'post_agenda');
    if (!can(actor, 'view_agenda') || (!staff && settings.agendaVisibility === 'chairs_only'))
      return void (await reply(MESSAGES.notAllowed('see the agenda')));
    const selector = selectorFrom(rest, localDateOf(now, settings.calendar.timezone));
    const meeting = await findMeeting(deps.prisma, selector, now, settings.calendar.timezone);
    if (!meeting)
      return void (await reply(
        `I can't find ${rest ? `a meeting for "${rest.slice(0, 40)}"` : 'an upcoming meeting'}. Meetings come from the program file (\`meetings:\`).`,
      ));
    const agenda = await buildAgenda(deps.prisma, meeting.id, now);
    if (!agenda) return void (await reply(MESSAGES.somethingWentWrong));
    for (const page of buildAgendaMessages(agenda, { interactive: staff })) {
      await respond({ response_type: 'ephemeral', text: page.text, blocks: toSlackBlocks(page.blocks) });
    }
  } catch (err) {
    if (err instanceof CalendarInputError) return void (await reply(err.message));
    deps.logger.error('/stat agenda failed', { err });
    await reply(userFacingMessage(err));
  }
};

function selectorFrom(rest: string, today: string): MeetingSelector {
  const word = rest.trim();
  if (!word || word.toLowerCase() === 'next') return { kind: 'next' };
  const date = readCertainDate(word, today);
  return date ? { kind: 'date', date } : { kind: 'department', key: word };
}
