// chat.* and reactions/pins: messages with state. Block Kit and `text` rules were checked before.
import { SANDBOX_IDS } from '../sandbox-state.js';
import type { StoredMessage } from '../sandbox-types.js';
import { messageObject } from '../slack-objects.js';
import { fail, type HandlerContext, type MethodHandler, str } from './method-handler.js';

const blocksOf = (v: unknown): unknown[] | undefined => (Array.isArray(v) && v.length > 0 ? v : undefined);

function render(ctx: HandlerContext, m: StoredMessage): Record<string, unknown> {
  return messageObject(m, (id) => ctx.state.files.get(id), ctx.baseUrl);
}

const postMessage: MethodHandler = (ctx) => {
  const { args, state } = ctx;
  const target = state.postTarget(args.channel);
  if (!target.ok) return fail(target.error);
  const m: StoredMessage = {
    channel: target.channel.id,
    ts: state.nextTs(),
    text: str(args.text) ?? str(args.markdown_text) ?? '',
    blocks: blocksOf(args.blocks),
    user: SANDBOX_IDS.botUserId,
    bot_id: SANDBOX_IDS.botId,
    reactions: [],
    pinned: false,
    via: ctx.method,
    ...(str(args.thread_ts) ? { thread_ts: str(args.thread_ts) } : {}),
    ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
  };
  state.messages.push(m);
  return { ok: true, channel: m.channel, ts: m.ts, message: render(ctx, m) };
};

const postEphemeral: MethodHandler = (ctx) => {
  const { args, state } = ctx;
  const target = state.postTarget(args.channel);
  if (!target.ok) return fail(target.error);
  const user = str(args.user) ?? '';
  if (!state.users.has(user)) return fail('user_not_found');
  if (!target.channel.isIm && !target.channel.members.includes(user)) return fail('user_not_in_channel');
  const ts = state.nextTs();
  state.ephemerals.push({
    channel: target.channel.id,
    user,
    ts,
    text: str(args.text) ?? str(args.markdown_text) ?? '',
    blocks: blocksOf(args.blocks),
    via: ctx.method,
    ...(str(args.thread_ts) ? { thread_ts: str(args.thread_ts) } : {}),
  });
  return { ok: true, message_ts: ts };
};

const update: MethodHandler = (ctx) => {
  const { args, state } = ctx;
  const target = state.resolveChannel(args.channel);
  if (!target.ok) return fail(target.error);
  const m = state.findMessage(target.channel.id, args.ts);
  if (!m) return fail('message_not_found');
  if (m.user !== SANDBOX_IDS.botUserId) return fail('cant_update_message');
  if (args.text !== undefined) m.text = str(args.text) ?? '';
  // Slack keeps the old blocks when `blocks` is omitted and removes them for `blocks: []`.
  if (args.blocks !== undefined) m.blocks = blocksOf(args.blocks);
  if (Array.isArray(args.file_ids)) m.files = args.file_ids.map(String);
  m.edited = { user: SANDBOX_IDS.botUserId, ts: state.nextTs() };
  return { ok: true, channel: m.channel, ts: m.ts, text: m.text, message: render(ctx, m) };
};

const del: MethodHandler = (ctx) => {
  const { args, state } = ctx;
  const target = state.resolveChannel(args.channel);
  if (!target.ok) return fail(target.error);
  const m = state.findMessage(target.channel.id, args.ts);
  if (!m) return fail('message_not_found');
  if (m.user !== SANDBOX_IDS.botUserId) return fail('cant_delete_message');
  state.messages.splice(state.messages.indexOf(m), 1);
  state.deletedMessages.push(m);
  return { ok: true, channel: m.channel, ts: m.ts };
};

const getPermalink: MethodHandler = (ctx) => {
  const { args, state } = ctx;
  const target = state.resolveChannel(args.channel);
  if (!target.ok) return fail(target.error);
  const m = state.findMessage(target.channel.id, args.message_ts);
  if (!m) return fail('message_not_found');
  const p = m.ts.replace('.', '');
  const thread = m.thread_ts ? `?thread_ts=${m.thread_ts}&cid=${m.channel}` : '';
  return {
    ok: true,
    channel: m.channel,
    permalink: `https://${SANDBOX_IDS.teamDomain}.slack.com/archives/${m.channel}/p${p}${thread}`,
  };
};

const MAX_SCHEDULE_SECONDS = 120 * 24 * 3600;

const scheduleMessage: MethodHandler = (ctx) => {
  const { args, state } = ctx;
  const target = state.postTarget(args.channel);
  if (!target.ok) return fail(target.error);
  const postAt = Number(args.post_at);
  const nowSec = state.now() / 1000;
  if (postAt <= nowSec) return fail('time_in_past');
  if (postAt > nowSec + MAX_SCHEDULE_SECONDS) return fail('time_too_far');
  const id = state.newId('Q');
  const text = str(args.text) ?? '';
  const blocks = blocksOf(args.blocks);
  state.scheduled.push({
    id,
    channel: target.channel.id,
    post_at: postAt,
    text,
    blocks,
    thread_ts: str(args.thread_ts),
    delivered: false,
  });
  return {
    ok: true,
    channel: target.channel.id,
    scheduled_message_id: id,
    post_at: postAt,
    message: {
      type: 'message',
      text,
      bot_id: SANDBOX_IDS.botId,
      user: SANDBOX_IDS.botUserId,
      ...(blocks ? { blocks } : {}),
    },
  };
};

const reactionsAdd: MethodHandler = (ctx) => {
  const { args, state } = ctx;
  const target = state.resolveChannel(args.channel);
  if (!target.ok) return fail(target.error);
  const m = state.findMessage(target.channel.id, args.timestamp);
  if (!m) return fail('message_not_found');
  const name = (str(args.name) ?? '').replace(/^:|:$/g, '');
  if (!/^[a-z0-9_+'-]+$/.test(name)) return fail('invalid_name');
  let r = m.reactions.find((x) => x.name === name);
  if (!r) {
    r = { name, users: [] };
    m.reactions.push(r);
  }
  if (r.users.includes(SANDBOX_IDS.botUserId)) return fail('already_reacted');
  r.users.push(SANDBOX_IDS.botUserId);
  return { ok: true };
};

const pinsAdd: MethodHandler = (ctx) => {
  const { args, state } = ctx;
  const target = state.resolveChannel(args.channel);
  if (!target.ok) return fail(target.error);
  if (!target.channel.botIsMember) return fail('not_in_channel');
  if (args.timestamp === undefined) return fail('no_item_specified');
  const m = state.findMessage(target.channel.id, args.timestamp);
  if (!m) return fail('message_not_found');
  if (m.pinned) return fail('already_pinned');
  m.pinned = true;
  return { ok: true };
};

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': del,
  'chat.getPermalink': getPermalink,
  'chat.scheduleMessage': scheduleMessage,
  'reactions.add': reactionsAdd,
  'pins.add': pinsAdd,
};
