// What the bot tells a person when one of its own posts could not be delivered: which channel or
// person, what Slack said, and what to do about it.
import { LIMITS } from './limits.js';
import { fitText, md } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';

const plainMessage = (text: string): SlackMessage => ({
  text,
  blocks: [{ type: 'section', text: md(fitText(text, LIMITS.sectionText)) }],
});

/** A channel the bot could not post to, with the fix. */
export function channelProblem(code: string, channel: string): string {
  if (code === 'not_in_channel')
    return `I'm not in <#${channel}> yet, so I couldn't post there. Invite me with \`/invite @stat-bot\` in that channel, then try again.`;
  if (code === 'channel_not_found')
    return `I can't find channel ${channel}. If it is private, invite me with \`/invite @stat-bot\`; otherwise check the channel id in the program file.`;
  if (code === 'is_archived') return `<#${channel}> is archived; pick another channel in the program file.`;
  return `Slack refused the post (${code}). Please try again in a minute.`;
}

/** To the chair: a scheduled channel post (the packet, the meeting record) did not go out. */
export function buildNotPostedMessage(
  post: 'packet' | 'meeting_record',
  meetingName: string,
  code: string,
  channel: string,
): SlackMessage {
  const what = post === 'packet' ? 'The packet' : 'The meeting record';
  return plainMessage(`${what} for ${meetingName} was not posted. ${channelProblem(code, channel)}`);
}

export interface DeliveryProblem {
  recipient: string;
  code: string;
  /** What could not be delivered, e.g. "collect_reminder". */
  kind: string;
}

/** To the program's admins, once per recipient and error. */
export function buildDeliveryProblemMessage(p: DeliveryProblem): SlackMessage {
  const person = /^[UW]/.test(p.recipient);
  const who = person ? `<@${p.recipient}>` : `<#${p.recipient}>`;
  const fix = person
    ? 'Their Slack id in the program file may be wrong, or their account may be deactivated.'
    : p.code === 'not_in_channel' || p.code === 'channel_not_found'
      ? channelProblem(p.code, p.recipient)
      : 'Check the channel id in the program file.';
  return plainMessage(
    `:warning: stat-bot could not deliver a scheduled message (${p.kind}) to ${who}: Slack says \`${p.code}\`. ${fix} I won't retry it, and I'll only tell you once about this.`,
  );
}

/** To the admins, once per period: a department's user group resolved to nobody. */
export function buildEmptyGroupMessage(g: {
  departmentName: string;
  role: 'liaison' | 'head';
  groupId: string;
}): SlackMessage {
  return plainMessage(
    `The Slack user group <!subteam^${g.groupId}> for ${g.departmentName}'s ${g.role === 'liaison' ? 'liaisons' : 'heads'} has nobody in it, so I kept its last known members. Add people to the group in Slack, or change the program file.`,
  );
}
