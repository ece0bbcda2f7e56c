// conversations.history and conversations.replies: the messages the sandbox stores, newest first
// for a channel and oldest first for a thread, as Slack returns them. A message's metadata comes
// back only with `include_all_metadata` (the bot subscribes to no metadata event types).
import type { SandboxState } from '../sandbox-state.js';
import type { SlackArgs, StoredMessage } from '../sandbox-types.js';
import { messageObject } from '../slack-objects.js';
import { fail, type HandlerContext, type MethodHandler, paginate, str } from './method-handler.js';

/** Slack's defaults: 100 for history, 1,000 for replies. */
const DEFAULT_LIMIT = { history: 100, replies: 1000 };

type Readable = { ok: true; channel: string } | { ok: false; error: string };

/** History is read by conversation id (a user id is not one), from a conversation the bot is in. */
function readable(state: SandboxState, arg: unknown): Readable {
  const c = state.channels.get(str(arg) ?? '');
  if (!c || (c.isPrivate && !c.botIsMember)) return { ok: false, error: 'channel_not_found' };
  if (!c.botIsMember) return { ok: false, error: 'not_in_channel' };
  return { ok: true, channel: c.id };
}

function within(m: StoredMessage, args: SlackArgs): boolean {
  const ts = Number(m.ts);
  const oldest = Number(str(args.oldest) ?? '0');
  const latest = str(args.latest) === undefined || str(args.latest) === 'now' ? Infinity : Number(args.latest);
  const inclusive = args.inclusive === true;
  return (inclusive ? ts >= oldest : ts > oldest) && (inclusive ? ts <= latest : ts < latest);
}

function badTs(args: SlackArgs): string | undefined {
  for (const name of ['oldest', 'latest'] as const) {
    const v = str(args[name]);
    if (v !== undefined && v !== 'now' && !/^\d+(\.\d+)?$/.test(v)) return `invalid_ts_${name}`;
  }
  return undefined;
}

function render(ctx: HandlerContext, m: StoredMessage): Record<string, unknown> {
  const { metadata, ...rest } = messageObject(m, (id) => ctx.state.files.get(id), ctx.baseUrl);
  return ctx.args.include_all_metadata === true && metadata !== undefined ? { ...rest, metadata } : rest;
}

const history: MethodHandler = (ctx) => {
  const { args, state } = ctx;
  const target = readable(state, args.channel);
  if (!target.ok) return fail(target.error);
  const tsError = badTs(args);
  if (tsError) return fail(tsError);
  // Thread replies stay in their thread (a reply broadcast to the channel would show; the bot never does that).
  const messages = state.messages
    .filter((m) => m.channel === target.channel && (!m.thread_ts || m.thread_ts === m.ts) && within(m, args))
    .sort((a, b) => Number(b.ts) - Number(a.ts));
  const page = paginate(messages, {
    ...args,
    limit: typeof args.limit === 'number' ? args.limit : DEFAULT_LIMIT.history,
  });
  if ('error' in page) return fail(page.error);
  return {
    ok: true,
    messages: page.page.map((m) => render(ctx, m)),
    has_more: page.next_cursor !== '',
    pin_count: messages.filter((m) => m.pinned).length,
    channel_actions_ts: null,
    channel_actions_count: 0,
    ...(page.next_cursor ? { response_metadata: { next_cursor: page.next_cursor } } : {}),
  };
};

const replies: MethodHandler = (ctx) => {
  const { args, state } = ctx;
  const target = readable(state, args.channel);
  if (!target.ok) return fail(target.error);
  const tsError = badTs(args);
  if (tsError) return fail(tsError);
  const parent = state.findMessage(target.channel, args.ts);
  if (!parent) return fail('thread_not_found');
  const threadTs = parent.thread_ts ?? parent.ts;
  const inThread = state.messages
    .filter((m) => m.channel === target.channel && (m.ts === threadTs || m.thread_ts === threadTs))
    .sort((a, b) => Number(a.ts) - Number(b.ts));
  // Slack always answers with the parent first, whatever `oldest` says.
  const messages = inThread.filter((m) => m.ts === threadTs || within(m, args));
  const page = paginate(messages, {
    ...args,
    limit: typeof args.limit === 'number' ? args.limit : DEFAULT_LIMIT.replies,
  });
  if ('error' in page) return fail(page.error);
  return {
    ok: true,
    messages: page.page.map((m) => render(ctx, m)),
    has_more: page.next_cursor !== '',
    ...(page.next_cursor ? { response_metadata: { next_cursor: page.next_cursor } } : {}),
  };
};

export const historyMethods: Record<string, MethodHandler> = {
  'conversations.history': history,
  'conversations.replies': replies,
};
