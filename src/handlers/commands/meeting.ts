// `/stat meeting` (chairs, admins): list the coming roundtables, and move, cancel or add one.
// The verbs are parsed in src/domain/meetings/parse-meeting-command.ts.

import { localTimeOnDate } from '../../domain/calendar/index.js';
import { parseMeetingCommand } from '../../domain/meetings/parse-meeting-command.js';
import { addMeeting, cancelMeetingById, listMeetings, moveMeeting } from '../../services/meetings/manage-meetings.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildMeetingList } from '../../views/meeting-list-message.js';
import { MESSAGES } from '../../views/messages.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerFailures, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleMeetingCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerFailures(deps, '/stat meeting', reply, async () => {
    if (await refuseUnlessAllowed(deps, command.user_id, 'manage_meetings', reply)) return;
    const parsed = parseMeetingCommand(rest);
    if (parsed.kind === 'invalid')
      return reply(`${MESSAGES.meetingProblem(parsed.problem, parsed.text)} ${MESSAGES.meetingUsage}`);
    const now = deps.clock.now();
    const { timezone } = (await loadProgramSettings(deps.prisma)).calendar;
    const actor = command.user_id;
    if (parsed.kind === 'list') {
      for (const page of buildMeetingList(await listMeetings(deps.prisma, now), timezone)) await reply(page);
      return;
    }
    const text =
      parsed.kind === 'move'
        ? await moveMeeting(
            deps.prisma,
            parsed.meetingId,
            localTimeOnDate(parsed.date, parsed.time, timezone),
            now,
            actor,
          )
        : parsed.kind === 'cancel'
          ? await cancelMeetingById(deps.prisma, parsed.meetingId, now, actor)
          : await addMeeting(deps.prisma, {
              seriesKey: parsed.seriesKey,
              startsAt: localTimeOnDate(parsed.date, parsed.time, timezone),
              departmentKeys: parsed.departmentKeys,
              now,
              actor,
            });
    await reply(text);
  });
};
