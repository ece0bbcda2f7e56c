// `/stat meeting` (chairs, admins): list the coming roundtables, and move, cancel or add one.
// The verbs are parsed in src/domain/meetings/parse-meeting-command.ts.

import { localTimeOnDate } from '../../domain/calendar/index.js';
import { parseMeetingCommand } from '../../domain/meetings/parse-meeting-command.js';
import { addMeeting, cancelMeetingById, listMeetings, moveMeeting } from '../../services/meetings/manage-meetings.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildMeetingList } from '../../views/meeting-list-message.js';
import { MESSAGES } from '../../views/messages.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleMeetingCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerAfterAck(deps, '/stat meeting', reply, async () => {
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
    if (parsed.kind === 'move') {
      const at = localTimeOnDate(parsed.date, parsed.time, timezone);
      const { packetPosted } = await moveMeeting(deps.prisma, parsed.meetingId, at, now, actor);
      return reply(MESSAGES.meetingMoved(parsed.meetingId, packetPosted));
    }
    if (parsed.kind === 'cancel') {
      await cancelMeetingById(deps.prisma, parsed.meetingId, now, actor);
      return reply(MESSAGES.meetingCancelled(parsed.meetingId));
    }
    const startsAt = localTimeOnDate(parsed.date, parsed.time, timezone);
    const added = await addMeeting(deps.prisma, { ...parsed, startsAt, now, actor });
    await reply(MESSAGES.meetingAdded(added.id));
  });
};
