// `/stat meeting` (chairs, admins): list the coming roundtables, and move, cancel or add one.
//   /stat meeting                                  list (with ids)
//   /stat meeting move <id> <YYYY-MM-DD> <HH:MM>   reschedule; its packet moves with it
//   /stat meeting cancel <id>                      cancel; its packet and record are cancelled
//   /stat meeting add <series> <YYYY-MM-DD> <HH:MM> <DEPT>[,<DEPT>…]   an extra meeting

import { CalendarInputError, localTimeOnDate } from '../../domain/calendar/index.js';
import { parseRowId } from '../../domain/row-id.js';
import { toSlackBlocks } from '../../infra/slack/blocks.js';
import {
  addMeeting,
  cancelMeetingById,
  listMeetings,
  MeetingChangeError,
  moveMeeting,
} from '../../services/meetings/manage-meetings.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildMeetingList } from '../../views/meeting-list-message.js';
import { refusalFor } from '../shared/authorize.js';
import { userFacingMessage } from '../shared/user-facing-error.js';
import type { SubcommandHandler } from './stat-command.js';

const USAGE =
  'Try `/stat meeting`, `/stat meeting move 12 2026-12-16 10:00`, `/stat meeting cancel 12` or `/stat meeting add roundtable 2026-12-03 14:00 DPW,WATER`.';

export const handleMeetingCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = (text: string) => respond({ response_type: 'ephemeral', text });
  try {
    const refusal = await refusalFor(deps.prisma, command.user_id, 'manage_meetings');
    if (refusal) return void (await reply(refusal));
    const now = deps.clock.now();
    const { timezone } = (await loadProgramSettings(deps.prisma)).calendar;
    const [verb = '', ...args] = rest.split(/\s+/).filter(Boolean);
    const at = (date?: string, time?: string) => {
      if (!date || !time) throw new MeetingChangeError(`Give a date and a time. ${USAGE}`);
      return localTimeOnDate(date, time, timezone);
    };
    let text: string;
    if (verb === '') {
      const page = buildMeetingList(await listMeetings(deps.prisma, now), timezone);
      return void (await respond({ response_type: 'ephemeral', text: page.text, blocks: toSlackBlocks(page.blocks) }));
    } else if (verb === 'move')
      text = await moveMeeting(deps.prisma, parseRowId(args[0]) ?? 0, at(args[1], args[2]), now, command.user_id);
    else if (verb === 'cancel')
      text = await cancelMeetingById(deps.prisma, parseRowId(args[0]) ?? 0, now, command.user_id);
    else if (verb === 'add')
      text = await addMeeting(deps.prisma, {
        seriesKey: args[0] ?? '',
        startsAt: at(args[1], args[2]),
        departmentKeys: (args[3] ?? '').split(',').filter(Boolean),
        now,
        actor: command.user_id,
      });
    else text = USAGE;
    await reply(text);
  } catch (err) {
    if (err instanceof MeetingChangeError || err instanceof CalendarInputError) return void (await reply(err.message));
    deps.logger.error('/stat meeting failed', { err });
    await reply(userFacingMessage(err));
  }
};
