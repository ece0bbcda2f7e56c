// conversations.history and conversations.replies: the messages the sandbox stores, newest first
// for a channel and oldest first for a thread, as Slack returns them. A message's metadata comes
// back only with `include_all_metadata` (the bot subscribes to no metadata event types).
import type { SandboxState } from '../sandbox-state.js';
import type { SlackArgs, SlackResult, StoredMessage } from '../sandbox-types.js';
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

/** The conversation both methods read, or the error Slack gives for it or for a malformed ts. */
function target(ctx: HandlerContext): Readable {
  const t = readable(ctx.state, ctx.args.channel);
  const tsError = t.ok ? badTs(ctx.args) : undefined;
  return tsError ? { ok: false, error: tsError } : t;
}

/** One page of `messages` with Slack's paging fields; `extra` adds a method's own fields. */
function answerPage(ctx: HandlerContext, messages: StoredMessage[], defaultLimit: number, extra = {}): SlackResult {
  const { args } = ctx;
  const page = paginate(messages, { ...args, limit: typeof args.limit === 'number' ? args.limit : defaultLimit });
  if ('error' in page) return fail(page.error);
  return {
    ok: true,
    messages: page.page.map((m) => render(ctx, m)),
    has_more: page.next_cursor !== '',
    ...extra,
    ...(page.next_cursor ? { response_metadata: { next_cursor: page.next_cursor } } : {}),
  };
}

const history: MethodHandler = (ctx) => {
  const t = target(ctx);
  if (!t.ok) return fail(t.error);
  // Thread replies stay in their thread (a reply broadcast to the channel would show; the bot never does that).
  const messages = ctx.state.messages
    .filter((m) => m.channel === t.channel && (!m.thread_ts || m.thread_ts === m.ts) && within(m, ctx.args))
    .sort((a, b) => Number(b.ts) - Number(a.ts));
  return answerPage(ctx, messages, DEFAULT_LIMIT.history, {
    pin_count: messages.filter((m) => m.pinned).length,
    channel_actions_ts: null,
    channel_actions_count: 0,
  });
};

const replies: MethodHandler = (ctx) => {
  const t = target(ctx);
  if (!t.ok) return fail(t.error);
  const parent = ctx.state.findMessage(t.channel, ctx.args.ts);
  if (!parent) return fail('thread_not_found');
  const threadTs = parent.thread_ts ?? parent.ts;
  // Slack always answers with the parent first, whatever `oldest` says.
  const messages = ctx.state.messages
    .filter((m) => m.channel === t.channel && (m.ts === threadTs || m.thread_ts === threadTs))
    .filter((m) => m.ts === threadTs || within(m, ctx.args))
    .sort((a, b) => Number(a.ts) - Number(b.ts));
  return answerPage(ctx, messages, DEFAULT_LIMIT.replies);
};

export const historyMethods: Record<string, MethodHandler> = {
  'conversations.history': history,
  'conversations.replies': replies,
};
