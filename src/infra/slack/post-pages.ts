// Posts a multi-part message to a channel: part 1 in the channel, the rest threaded under it.
// What to tell a person when it fails is the caller's business (src/views/delivery-messages.ts).
import type { WebClient } from '@slack/web-api';
import { createSlackGateway, type OutgoingMessage, type SlackGateway } from './slack-gateway.js';

export type PostResult = { ok: true; channel: string; ts: string } | { ok: false; code: string };

export async function postPages(
  slack: WebClient | SlackGateway,
  channel: string,
  pages: readonly OutgoingMessage[],
  threadTs?: string,
): Promise<PostResult> {
  const gateway = 'postMessage' in slack ? slack : createSlackGateway(slack);
  let first: { channel: string; ts: string } | null = null;
  for (const page of pages) {
    const res = await gateway.postMessage({ channel, message: page, threadTs: first?.ts ?? threadTs });
    if (!res.ok) return { ok: false, code: res.failure.code };
    first ??= { channel: res.channel, ts: res.ts };
  }
  return first ? { ok: true, ...first } : { ok: false, code: 'no_text' };
}
