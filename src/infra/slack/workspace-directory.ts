// Who is who in the workspace: people by email, user groups' members, a person's time zone and
// whether their Slack status says they are out. A port with plain results, so services resolve
// the program's people without seeing the SDK. "Not found" is an answer; anything else (Slack
// unreachable, a missing scope) throws a DirectoryError with Slack's code, so nothing is imported
// from a half-answered lookup.
import type { WebClient } from '@slack/web-api';
import { classifySlackError } from './slack-errors.js';

export interface WorkspaceUser {
  id: string;
  name: string;
  /** IANA zone from users.info; null when Slack does not say. */
  tz: string | null;
  deleted: boolean;
  isBot: boolean;
}

export interface UserGroupRef {
  id: string;
  handle: string;
}

export interface WorkspaceDirectory {
  findByEmail(email: string): Promise<WorkspaceUser | null>;
  userInfo(userId: string): Promise<WorkspaceUser | null>;
  /** "@dpw-stat", "dpw-stat" or an S… id; null when no such group exists. */
  findGroup(handleOrId: string): Promise<UserGroupRef | null>;
  /** The group's active members; null when the group is gone. */
  groupMembers(groupId: string): Promise<string[] | null>;
  /** The person's profile status as Slack holds it (text, emoji, expiry in epoch seconds, 0 = none). */
  status(userId: string): Promise<{ text: string; emoji: string; expiration: number } | null>;
}

export class DirectoryError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
  ) {
    super(`Slack's ${method} failed (${code})`);
  }
}

const NOT_FOUND = new Set(['users_not_found', 'user_not_found', 'no_such_subteam']);

async function lookup<T>(method: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (err) {
    const failure = classifySlackError(err);
    if (NOT_FOUND.has(failure.code)) return null;
    throw new DirectoryError(method, failure.code);
  }
}

interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  tz?: string;
  deleted?: boolean;
  is_bot?: boolean;
}

function toUser(u: SlackUser | undefined): WorkspaceUser | null {
  if (!u?.id) return null;
  return {
    id: u.id,
    name: u.real_name || u.name || u.id,
    tz: u.tz ?? null,
    deleted: u.deleted === true,
    isBot: u.is_bot === true || u.id === 'USLACKBOT',
  };
}

export function slackWorkspaceDirectory(client: WebClient): WorkspaceDirectory {
  let groups: Promise<UserGroupRef[]> | null = null;
  const listGroups = () => {
    groups ??= lookup('usergroups.list', () => client.usergroups.list({})).then((r) =>
      (r?.usergroups ?? []).map((g) => ({ id: String(g.id), handle: String(g.handle) })),
    );
    return groups;
  };
  return {
    async findByEmail(email) {
      const r = await lookup('users.lookupByEmail', () => client.users.lookupByEmail({ email }));
      return toUser(r?.user as SlackUser | undefined);
    },
    async userInfo(userId) {
      const r = await lookup('users.info', () => client.users.info({ user: userId }));
      return toUser(r?.user as SlackUser | undefined);
    },
    async findGroup(handleOrId) {
      const wanted = handleOrId.replace(/^@/, '').toLowerCase();
      const all = await listGroups();
      return all.find((g) => g.id.toLowerCase() === wanted || g.handle.toLowerCase() === wanted) ?? null;
    },
    async groupMembers(groupId) {
      const r = await lookup('usergroups.users.list', () => client.usergroups.users.list({ usergroup: groupId }));
      return r ? (r.users ?? []).map(String) : null;
    },
    async status(userId) {
      const r = await lookup('users.profile.get', () => client.users.profile.get({ user: userId }));
      const p = r?.profile;
      if (!p) return null;
      return { text: p.status_text ?? '', emoji: p.status_emoji ?? '', expiration: Number(p.status_expiration ?? 0) };
    },
  };
}
