// The Slack calls the services need, behind a small port with plain arguments and results, so
// services never see the SDK: a call either succeeds with what we need from Slack's answer, or
// fails with its failure already classified (retry? recipient problem? Retry-After?).
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { classifySlackError, type SlackFailure } from './slack-errors.js';

export interface OutgoingMessage {
  text: string;
  blocks?: KnownBlock[];
}

export type SlackOutcome<T> = ({ ok: true } & T) | { ok: false; failure: SlackFailure };

export interface PostedMessage {
  channel: string;
  ts: string;
}

export interface ChartUpload {
  filename: string;
  title: string;
  altText: string;
  bytes: Buffer;
}

export interface SlackGateway {
  postMessage(args: {
    channel: string;
    message: OutgoingMessage;
    threadTs?: string;
  }): Promise<SlackOutcome<PostedMessage>>;
  /** Null when Slack will not say (the link is a nicety; nothing waits for it). */
  getPermalink(args: PostedMessage): Promise<string | null>;
  /** One file into a channel (threaded when threadTs is given); Slack posts it as its own message. */
  uploadFile(args: {
    channel: string;
    threadTs?: string;
    comment?: string;
    file: ChartUpload;
  }): Promise<SlackOutcome<{ fileId: string }>>;
}

async function attempt<T>(call: () => Promise<T>): Promise<SlackOutcome<{ value: T }>> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    return { ok: false, failure: classifySlackError(err) };
  }
}

export function createSlackGateway(client: WebClient): SlackGateway {
  return {
    async postMessage({ channel, message, threadTs }) {
      const r = await attempt(() =>
        client.chat.postMessage({
          channel,
          text: message.text,
          ...(message.blocks?.length ? { blocks: message.blocks } : {}),
          ...(threadTs ? { thread_ts: threadTs } : {}),
        }),
      );
      return r.ok ? { ok: true, channel: String(r.value.channel), ts: String(r.value.ts) } : r;
    },
    async getPermalink({ channel, ts }) {
      const r = await attempt(() => client.chat.getPermalink({ channel, message_ts: ts }));
      return r.ok ? (r.value.permalink ?? null) : null;
    },
    async uploadFile({ channel, threadTs, comment, file }) {
      const upload = {
        ...(comment ? { initial_comment: comment } : {}),
        file: file.bytes,
        filename: file.filename,
        title: file.title,
        alt_text: file.altText,
      };
      const r = await attempt(() =>
        threadTs
          ? client.files.uploadV2({ ...upload, channel_id: channel, thread_ts: threadTs })
          : client.files.uploadV2({ ...upload, channel_id: channel }),
      );
      if (!r.ok) return r;
      const files = (r.value as { files?: { files?: { id?: string }[] }[] }).files ?? [];
      return { ok: true, fileId: String(files[0]?.files?.[0]?.id ?? '') };
    },
  };
}
