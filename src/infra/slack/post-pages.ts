// Posts a multi-part message to a channel: part 1 in the channel, the rest threaded under it.
// A channel the bot is not in gets a clear instruction instead of an error code.
import type { WebClient } from '@slack/web-api';
import type { MessagePage } from '../../views/paginate.js';
import { toSlackBlocks } from './blocks.js';
import { classifySlackError } from './slack-errors.js';

export type PostResult = { ok: true; channel: string; ts: string } | { ok: false; code: string; message: string };

export function channelProblem(code: string, channel: string): string {
  if (code === 'not_in_channel')
    return `I'm not in <#${channel}> yet, so I couldn't post there. Invite me with \`/invite @stat-bot\` in that channel, then try again.`;
  if (code === 'channel_not_found')
    return `I can't find channel ${channel}. If it is private, invite me with \`/invite @stat-bot\`; otherwise check the channel id in the program file.`;
  if (code === 'is_archived') return `<#${channel}> is archived; pick another channel in the program file.`;
  return `Slack refused the post (${code}). Please try again in a minute.`;
}

export async function postPages(
  client: WebClient,
  channel: string,
  pages: MessagePage[],
  threadTs?: string,
): Promise<PostResult> {
  let first: { channel: string; ts: string } | null = null;
  try {
    for (const page of pages) {
      const res = await client.chat.postMessage({
        channel,
        text: page.text,
        blocks: toSlackBlocks(page.blocks),
        ...(first || threadTs ? { thread_ts: first?.ts ?? threadTs } : {}),
      });
      first ??= { channel: String(res.channel), ts: String(res.ts) };
    }
    return { ok: true, ...first! };
  } catch (err) {
    const { code } = classifySlackError(err);
    return { ok: false, code, message: channelProblem(code, channel) };
  }
}
