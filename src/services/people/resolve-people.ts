// Resolves the program file's people and user groups against the workspace before anything is
// written: each email to a Slack member (users.lookupByEmail), each Slack id to a person who exists
// (users.info, which also gives their time zone), each `liaisons:`/`heads:` group to its members.
// Every problem is reported with the path of the field at fault, so the import names its line and
// imports nothing. Without a directory (no Slack token), only files given entirely by Slack ids pass.
import type { ProgramIssue } from '../../domain/program/check-program.js';
import type { ProgramFile } from '../../domain/program/program-schema.js';
import type { WorkspaceDirectory, WorkspaceUser } from '../../infra/slack/workspace-directory.js';

export type FilePerson = ProgramFile['people'][number];
export type ResolvedPerson = FilePerson & { slack_id: string; tz: string | null };

/** The program file with everyone's Slack id filled in. */
export type ResolvedProgram = Omit<ProgramFile, 'people'> & { people: ResolvedPerson[] };

export interface ResolvedGroup {
  departmentKey: string;
  role: 'liaison' | 'head';
  /** As the file gives it ("@dpw-stat"). */
  handle: string;
  groupId: string;
  members: WorkspaceUser[];
}

export interface ResolvedPeople {
  people: ResolvedPerson[];
  groups: ResolvedGroup[];
}

export type ResolveOutcome = { ok: true; value: ResolvedPeople } | { ok: false; issues: ProgramIssue[] };

const NEEDS_SLACK = 'needs Slack to look it up: set SLACK_BOT_TOKEN (scopes users:read.email, usergroups:read)';

export async function resolveProgramPeople(
  program: Pick<ProgramFile, 'people' | 'departments'>,
  directory: WorkspaceDirectory | null,
): Promise<ResolveOutcome> {
  const issues: ProgramIssue[] = [];
  const people: ResolvedPerson[] = [];
  const taken = new Set<string>();
  for (const [i, p] of program.people.entries()) {
    if (!directory) {
      if (p.slack_id) people.push({ ...p, slack_id: p.slack_id, tz: null });
      else issues.push({ path: ['people', i, 'email'], message: `${p.email} ${NEEDS_SLACK}` });
      continue;
    }
    const user = p.slack_id ? await directory.userInfo(p.slack_id) : await directory.findByEmail(p.email!);
    const what = p.slack_id ? `Slack user ${p.slack_id}` : `no Slack member has the email ${p.email}`;
    const path = ['people', i, p.slack_id ? 'slack_id' : 'email'];
    if (!user) issues.push({ path, message: p.slack_id ? `${what} does not exist in this workspace` : what });
    else if (user.deleted) issues.push({ path, message: `${user.name} (${user.id}) is deactivated in Slack` });
    else if (user.isBot) issues.push({ path, message: `${user.id} is a bot, not a person` });
    else if (taken.has(user.id))
      // An id and an email that turn out to be the same Slack member would fight over roles.
      issues.push({ path, message: `${p.name} is the same Slack member as another entry (${user.id})` });
    else {
      taken.add(user.id);
      people.push({ ...p, slack_id: user.id, tz: user.tz });
    }
  }
  const groups: ResolvedGroup[] = [];
  for (const [i, d] of program.departments.entries()) {
    for (const [field, role] of [
      ['liaisons', 'liaison'],
      ['heads', 'head'],
    ] as const) {
      const handle = d[field];
      if (!handle) continue;
      const path = ['departments', i, field];
      if (!directory) {
        issues.push({ path, message: `user group ${handle} ${NEEDS_SLACK}` });
        continue;
      }
      const group = await directory.findGroup(handle);
      const ids = group ? await directory.groupMembers(group.id) : null;
      if (!group || !ids) {
        issues.push({ path, message: `there is no Slack user group ${handle}` });
        continue;
      }
      const members: WorkspaceUser[] = [];
      for (const id of ids) {
        const u = await directory.userInfo(id);
        if (u && !u.deleted && !u.isBot) members.push(u);
      }
      if (members.length === 0)
        issues.push({ path, message: `user group ${handle} has nobody in it, so ${d.key} would have no ${field}` });
      else groups.push({ departmentKey: d.key, role, handle, groupId: group.id, members });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: { people, groups } };
}
