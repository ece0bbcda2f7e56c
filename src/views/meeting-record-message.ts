// The meeting record: decisions made, owners and due dates (Baltimore: within two days), and
// each owner's own list.

import { formatDay } from '../domain/calendar/index.js';
import { formatMeetingTime } from './agenda-message.js';
import { followUpAnswerButtons } from './followup-message.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import { paginateBlocks } from './paginate.js';
import type { KnownBlock, SlackMessage } from './slack-message.js';

export interface RecordedDecision {
  id: number;
  text: string;
  ownerUserId: string;
  dueDate: string;
  departmentName: string;
  metricName: string | null;
}

const line = (d: RecordedDecision) =>
  `• ${escapeMrkdwn(fitText(d.text, 500))} — <@${d.ownerUserId}>, due ${formatDay(d.dueDate)} (${escapeMrkdwn(d.departmentName)}${d.metricName ? `, ${escapeMrkdwn(d.metricName)}` : ''})`;

export function buildMeetingRecord(
  meeting: { name: string; startsAt: Date; timezone: string },
  decisions: RecordedDecision[],
): SlackMessage[] {
  const when = formatMeetingTime(meeting.startsAt, meeting.timezone);
  const head: KnownBlock[] = [
    { type: 'header', text: plain(fitText(`Meeting record — ${meeting.name}, ${when}`, LIMITS.headerText)) },
  ];
  const body: KnownBlock[] = decisions.length
    ? decisions.map((d) => ({ type: 'section', text: md(fitText(line(d), LIMITS.sectionText)) }))
    : [{ type: 'section', text: md('No follow-ups were recorded at this meeting.') }];
  return paginateBlocks(`Meeting record — ${meeting.name}, ${when}: ${decisions.length} decisions`, head, body);
}

export function buildOwnerList(meetingName: string, decisions: RecordedDecision[]): SlackMessage {
  const intro = `From ${escapeMrkdwn(meetingName)}, you own ${decisions.length} follow-up${decisions.length === 1 ? '' : 's'}. Answer with the buttons whenever you have news:`;
  const blocks: KnownBlock[] = [{ type: 'section', text: md(intro) }];
  // Two blocks per decision; past 24 the rest are listed in App Home rather than cut silently.
  for (const d of decisions.slice(0, 24))
    blocks.push({ type: 'section', text: md(fitText(line(d), LIMITS.sectionText)) }, followUpAnswerButtons(d.id));
  if (decisions.length > 24)
    blocks.push({
      type: 'context',
      elements: [md(`…and ${decisions.length - 24} more: open stat-bot's Home tab for the full list.`)],
    });
  return { text: `Your follow-ups from ${meetingName}`, blocks };
}
