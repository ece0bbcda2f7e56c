// The Slack calls the services need, behind a small port with plain arguments and results, so
// services never see the SDK: a call either succeeds with what we need from Slack's answer, or
// fails with its failure already classified (retry? recipient problem? Retry-After?).
//
// A 429 is handled here, the one place jobs call Slack (the client rejects it at once:
// `rejectRateLimitedCalls` in src/app/slack-client.ts): the pacer is paused for Slack's
// Retry-After so the other sends hold too, the call waits exactly that long and is made again —
// at most RATE_LIMIT_POLICY.retries times, and only for a Retry-After of up to maxWaitMs; beyond
// that the rate-limited failure goes back to the caller (a notice is rescheduled no sooner than
// Retry-After, and kept for the next run).
//
// Every message a notice posts carries the notice's key in Slack message metadata, so a notice
// whose sender died mid-send can be looked for before it is sent again (findPosted):
// chat.postMessage has no idempotency key of its own.
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { noPacing, type Pacer } from './pacer.js';
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

/** The metadata event type our notices' messages carry; its payload is `{ key }`. */
export const NOTICE_EVENT_TYPE = 'stat_notice';

export interface SlackGateway {
  postMessage(args: {
    channel: string;
    message: OutgoingMessage;
    threadTs?: string;
    /** The notice (or notice step) this message is: stored in its metadata for findPosted. */
    noticeKey?: string;
  }): Promise<SlackOutcome<PostedMessage>>;
  /**
   * The message carrying `noticeKey` posted to `channel` (a user id means the bot's DM with them),
   * or to the thread `threadTs`, since `since`; null when there is none. A failure (missing
   * history scope, channel not found…) means the check could not be made.
   */
  findPosted(args: {
    channel: string;
    noticeKey: string;
    since: Date;
    threadTs?: string;
  }): Promise<SlackOutcome<{ found: PostedMessage | null }>>;
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

export interface RateLimitPolicy {
  /** Calls made again after a 429, at most. */
  retries: number;
  /** A longer Retry-After is not waited here: the failure goes back to the caller at once. */
  maxWaitMs: number;
}

/** Three waits of at most 10 s: a send's 429s cost at most 30 s of its notice's 5-minute lease. */
export const RATE_LIMIT_POLICY: RateLimitPolicy = { retries: 3, maxWaitMs: 10_000 };

export interface GatewayOptions {
  /** The jobs' pacer: told about each 429 on a post, and passed again before the post is retried. */
  pacer?: Pacer;
  rateLimits?: RateLimitPolicy;
  sleep?: (ms: number) => Promise<void>;
}

type Attempt = <T>(call: () => Promise<T>, posting?: { channel: string }) => Promise<SlackOutcome<{ value: T }>>;

/**
 * One Slack call, its failure classified. A 429 on a post (`posting`) pauses the pacer for every
 * channel; any 429 within the policy is waited out exactly and the call made again.
 */
function attempts({ pacer = noPacing, rateLimits = RATE_LIMIT_POLICY, sleep = delay }: GatewayOptions): Attempt {
  return async (call, posting) => {
    for (let retries = 0; ; retries++) {
      try {
        return { ok: true, value: await call() };
      } catch (err) {
        const failure = classifySlackError(err);
        const waitMs = failure.code === 'ratelimited' ? failure.retryAfterMs : undefined;
        if (waitMs === undefined) return { ok: false, failure };
        if (posting) pacer.pause(waitMs);
        if (retries >= rateLimits.retries || waitMs > rateLimits.maxWaitMs) return { ok: false, failure };
        await sleep(waitMs);
        if (posting) await pacer.wait(posting.channel);
      }
    }
  };
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createSlackGateway(client: WebClient, options: GatewayOptions = {}): SlackGateway {
  const attempt = attempts(options);
  return {
    async postMessage({ channel, message, threadTs, noticeKey }) {
      const r = await attempt(
        () =>
          client.chat.postMessage({
            channel,
            text: message.text,
            ...(message.blocks?.length ? { blocks: message.blocks } : {}),
            ...(threadTs ? { thread_ts: threadTs } : {}),
            ...(noticeKey ? { metadata: { event_type: NOTICE_EVENT_TYPE, event_payload: { key: noticeKey } } } : {}),
          }),
        { channel },
      );
      return r.ok ? { ok: true, channel: String(r.value.channel), ts: String(r.value.ts) } : r;
    },
    findPosted: (args) => findPosted(client, attempt, args),
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
      const r = await attempt(
        () =>
          threadTs
            ? client.files.uploadV2({ ...upload, channel_id: channel, thread_ts: threadTs })
            : client.files.uploadV2({ ...upload, channel_id: channel }),
        { channel },
      );
      if (!r.ok) return r;
      const files = (r.value as { files?: { files?: { id?: string }[] }[] }).files ?? [];
      return { ok: true, fileId: String(files[0]?.files?.[0]?.id ?? '') };
    },
  };
}

/** Slack's clock and ours may differ a little: look this much further back than the attempt. */
const CLOCK_SLACK_MS = 2 * 60_000;
/** A DM holds a handful of messages in minutes; a busy channel may need a few pages. */
const HISTORY_PAGES = 5;

async function findPosted(
  client: WebClient,
  attempt: Attempt,
  { channel, noticeKey, since, threadTs }: Parameters<SlackGateway['findPosted']>[0],
): Promise<SlackOutcome<{ found: PostedMessage | null }>> {
  // chat.postMessage takes a user id for a DM; the history methods need the DM's own id.
  let conversation = channel;
  if (/^[UW][A-Z0-9]+$/.test(channel)) {
    const opened = await attempt(() => client.conversations.open({ users: channel }));
    if (!opened.ok) return opened;
    conversation = String(opened.value.channel?.id ?? '');
  }
  const oldest = ((since.getTime() - CLOCK_SLACK_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const common = { channel: conversation, oldest, include_all_metadata: true, limit: 200, cursor };
    const r = await attempt(() =>
      threadTs ? client.conversations.replies({ ...common, ts: threadTs }) : client.conversations.history(common),
    );
    if (!r.ok) return r;
    const hit = r.value.messages?.find((m) => carriesKey(m.metadata, noticeKey));
    if (hit?.ts) return { ok: true, found: { channel: conversation, ts: hit.ts } };
    cursor = r.value.response_metadata?.next_cursor || undefined;
    if (!r.value.has_more || !cursor) return { ok: true, found: null };
  }
  // Not read to the end: we cannot say the message is not there.
  return { ok: false, failure: { retry: false, code: 'history_too_long' } };
}

function carriesKey(metadata: { event_type?: string; event_payload?: unknown } | undefined, key: string): boolean {
  if (metadata?.event_type !== NOTICE_EVENT_TYPE) return false;
  const payload = metadata.event_payload as { key?: unknown } | undefined;
  return payload?.key === key;
}
