// Sends a direct message. Posting to the user id opens (or reuses) the DM channel in one call.
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import { toSlackBlocks } from './blocks.js';

export interface MessageContent {
  text: string;
  blocks: object[];
}

export async function sendDm(
  client: WebClient,
  userId: string,
  content: MessageContent,
  logger: Logger,
): Promise<{ channel: string; ts: string } | null> {
  try {
    const res = await client.chat.postMessage({
      channel: userId,
      text: content.text,
      ...(content.blocks.length ? { blocks: toSlackBlocks(content.blocks) } : {}),
    });
    return { channel: String(res.channel), ts: String(res.ts) };
  } catch (err) {
    logger.warn('could not send a DM', { userId, err });
    return null;
  }
}
