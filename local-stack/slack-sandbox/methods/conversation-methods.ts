// conversations.* and users.*: answered from the users and channels a test registers.
import { SANDBOX_IDS } from '../sandbox-state.js';
import { channelObject, userObject } from '../slack-objects.js';
import { fail, type MethodHandler, paginate, str } from './method-handler.js';

const usersInfo: MethodHandler = ({ args, state }) => {
  const u = state.users.get(str(args.user) ?? '');
  return u ? { ok: true, user: userObject(u) } : fail('user_not_found');
};

const usersList: MethodHandler = ({ args, state }) => {
  const page = paginate([...state.users.values()], args);
  if ('error' in page) return fail(page.error);
  return {
    ok: true,
    members: page.page.map(userObject),
    cache_ts: Math.floor(state.now() / 1000),
    response_metadata: { next_cursor: page.next_cursor },
  };
};

const usersLookupByEmail: MethodHandler = ({ args, state }) => {
  const email = (str(args.email) ?? '').toLowerCase();
  const u = [...state.users.values()].find((x) => x.email.toLowerCase() === email && !x.deleted);
  // Slack's error for this method is plural: users_not_found (not user_not_found).
  return u ? { ok: true, user: userObject(u) } : fail('users_not_found');
};

const conversationsInfo: MethodHandler = ({ args, state }) => {
  const c = state.channels.get(str(args.channel) ?? '');
  // Private channels the bot is not in are invisible to it.
  if (!c || (c.isPrivate && !c.botIsMember)) return fail('channel_not_found');
  return { ok: true, channel: channelObject(c) };
};

const conversationsMembers: MethodHandler = ({ args, state }) => {
  const c = state.channels.get(str(args.channel) ?? '');
  if (!c || (c.isPrivate && !c.botIsMember)) return fail('channel_not_found');
  const members =
    c.botIsMember && !c.members.includes(SANDBOX_IDS.botUserId) ? [...c.members, SANDBOX_IDS.botUserId] : c.members;
  const page = paginate(members, args);
  if ('error' in page) return fail(page.error);
  return { ok: true, members: page.page, response_metadata: { next_cursor: page.next_cursor } };
};

const conversationsJoin: MethodHandler = ({ args, state }) => {
  const c = state.channels.get(str(args.channel) ?? '');
  if (!c || (c.isPrivate && !c.botIsMember)) return fail('channel_not_found');
  if (c.isIm || c.isMpim || c.isPrivate) return fail('method_not_supported_for_channel_type');
  if (c.isArchived) return fail('is_archived');
  const already = c.botIsMember;
  c.botIsMember = true;
  return {
    ok: true,
    channel: channelObject(c),
    ...(already ? { warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } } : {}),
  };
};

const MAX_MPIM_USERS = 8;

const conversationsOpen: MethodHandler = ({ args, state }) => {
  const channelArg = str(args.channel);
  if (channelArg) {
    const c = state.channels.get(channelArg);
    if (!c || !(c.isIm || c.isMpim)) return fail('channel_not_found');
    return { ok: true, channel: { id: c.id }, already_open: true };
  }
  const raw = str(args.users);
  if (!raw) return fail('users_list_not_supplied');
  // A comma-separated string. An array sent by mistake arrives JSON-encoded ('["U1"]') and, as
  // on Slack, matches no user.
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length > MAX_MPIM_USERS) return fail('too_many_users');
  for (const id of ids) {
    const u = state.users.get(id);
    if (!u) return fail('user_not_found');
    if (u.deleted) return fail('user_disabled');
  }
  const others = ids.filter((id) => id !== SANDBOX_IDS.botUserId);
  if (others.length === 0) return fail('not_enough_users');
  const existing = new Set(state.channels.keys());
  const c = others.length === 1 ? state.dmChannelFor(others[0]!) : state.mpimFor(others);
  const fresh = !existing.has(c.id);
  return {
    ok: true,
    channel: args.return_im === true ? channelObject(c) : { id: c.id },
    ...(fresh ? {} : { no_op: true, already_open: true }),
  };
};

export const conversationMethods: Record<string, MethodHandler> = {
  'users.info': usersInfo,
  'users.list': usersList,
  'users.lookupByEmail': usersLookupByEmail,
  'conversations.info': conversationsInfo,
  'conversations.members': conversationsMembers,
  'conversations.join': conversationsJoin,
  'conversations.open': conversationsOpen,
};
