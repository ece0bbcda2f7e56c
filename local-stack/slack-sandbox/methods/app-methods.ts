// auth.test, apps.connections.open, team.info, oauth.v2.access, bookmarks.add.
import { SANDBOX_IDS } from '../sandbox-state.js';
import { fail, type MethodHandler, str } from './method-handler.js';

const authTest: MethodHandler = () => ({
  ok: true,
  url: `https://${SANDBOX_IDS.teamDomain}.slack.com/`,
  team: SANDBOX_IDS.teamName,
  user: SANDBOX_IDS.botName,
  team_id: SANDBOX_IDS.teamId,
  user_id: SANDBOX_IDS.botUserId,
  bot_id: SANDBOX_IDS.botId,
  app_id: SANDBOX_IDS.appId,
  is_enterprise_install: false,
});

const connectionsOpen: MethodHandler = ({ issueSocketUrl }) => ({ ok: true, url: issueSocketUrl() });

const teamInfo: MethodHandler = () => ({
  ok: true,
  team: {
    id: SANDBOX_IDS.teamId,
    name: SANDBOX_IDS.teamName,
    domain: SANDBOX_IDS.teamDomain,
    email_domain: 'sandbox.example.gov',
    icon: {},
  },
});

// The sandbox has no OAuth install flow; any code is unknown.
const oauthAccess: MethodHandler = () => fail('invalid_code');

const bookmarksAdd: MethodHandler = ({ args, state }) => {
  const channel = state.channels.get(str(args.channel_id) ?? '');
  if (!channel || (channel.isPrivate && !channel.botIsMember)) return fail('channel_not_found');
  if (args.type !== 'link') return fail('invalid_bookmark_type');
  const link = str(args.link);
  if (!link || !/^https?:\/\//.test(link)) return fail('invalid_link');
  const bookmark = {
    id: state.newId('Bk'),
    channel_id: channel.id,
    title: str(args.title) ?? '',
    link,
    type: 'link',
    ...(str(args.emoji) ? { emoji: str(args.emoji) } : {}),
  };
  state.bookmarks.push(bookmark);
  return { ok: true, bookmark: { ...bookmark, date_created: Math.floor(state.now() / 1000), rank: 'U' } };
};

export const appMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'apps.connections.open': connectionsOpen,
  'team.info': teamInfo,
  'oauth.v2.access': oauthAccess,
  'bookmarks.add': bookmarksAdd,
};
