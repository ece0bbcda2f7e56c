// usergroups.list, usergroups.users.list and users.profile.get: answered from the user groups and
// profile statuses a test registers (users.info and users.lookupByEmail live with conversations).
import { SANDBOX_IDS } from '../sandbox-state.js';
import { fail, type MethodHandler, str } from './method-handler.js';

const usergroupsList: MethodHandler = ({ args, state }) => ({
  ok: true,
  usergroups: [...state.userGroups.values()].map((g) => ({
    id: g.id,
    team_id: SANDBOX_IDS.teamId,
    is_usergroup: true,
    name: g.name,
    description: '',
    handle: g.handle,
    is_external: false,
    date_create: 1_700_000_000,
    date_update: 1_700_000_000,
    date_delete: 0,
    auto_type: null,
    created_by: 'USLACKBOT',
    updated_by: 'USLACKBOT',
    deleted_by: null,
    prefs: { channels: [], groups: [] },
    ...(args.include_users === true ? { users: [...g.users] } : {}),
    ...(args.include_count === true ? { user_count: String(g.users.length) } : {}),
  })),
});

const usergroupsUsersList: MethodHandler = ({ args, state }) => {
  const g = state.userGroups.get(str(args.usergroup) ?? '');
  // Slack's error for an unknown group id.
  if (!g) return fail('no_such_subteam');
  // Slack lists deactivated members only with include_disabled; the sandbox leaves them out.
  return { ok: true, users: g.users.filter((id) => !state.users.get(id)?.deleted) };
};

const usersProfileGet: MethodHandler = ({ args, state }) => {
  const u = state.users.get(str(args.user) ?? '');
  if (!u) return fail('user_not_found');
  return {
    ok: true,
    profile: {
      real_name: u.realName,
      display_name: u.name,
      email: u.email,
      status_text: u.status.text,
      status_emoji: u.status.emoji,
      status_expiration: u.status.expiration,
    },
  };
};

export const peopleMethods: Record<string, MethodHandler> = {
  'usergroups.list': usergroupsList,
  'usergroups.users.list': usergroupsUsersList,
  'users.profile.get': usersProfileGet,
};
