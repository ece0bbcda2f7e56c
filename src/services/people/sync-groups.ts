// Re-reads the departments' Slack user groups (`liaisons: "@dpw-stat"`) so turnover is handled in
// Slack: when each period opens (once per period) and whenever /stat status runs. A group that
// resolves to nobody keeps its last known members and is reported to the admins once per period.
import type { Db } from '../../infra/db-types.js';
import type { WorkspaceDirectory, WorkspaceUser } from '../../infra/slack/workspace-directory.js';
import { applyGroupMembers, type GroupRole } from './group-members.js';

export interface EmptyGroup {
  departmentName: string;
  role: GroupRole;
  groupId: string;
}

export interface GroupSyncReport {
  changed: number;
  /** Groups that resolved to nobody, not yet reported for this period: tell the admins. */
  toReport: EmptyGroup[];
  admins: string[];
}

export async function syncUserGroups(
  db: Db,
  directory: WorkspaceDirectory,
  opts: { period: string; force: boolean },
  now: Date,
): Promise<GroupSyncReport> {
  const departments = await db.department.findMany({
    where: { active: true, OR: [{ liaisonGroupId: { not: null } }, { headGroupId: { not: null } }] },
    orderBy: { id: 'asc' },
  });
  const report: GroupSyncReport = { changed: 0, toReport: [], admins: [] };
  for (const d of departments) {
    if (!opts.force && d.groupsSyncedFor === opts.period) continue;
    for (const [role, groupId] of [
      ['liaison', d.liaisonGroupId],
      ['head', d.headGroupId],
    ] as const) {
      if (!groupId) continue;
      const members = await activeMembers(directory, groupId);
      if (members.length > 0) {
        report.changed += await applyGroupMembers(db, d.id, role, members);
        continue;
      }
      const first = await db.processedInteraction.createMany({
        data: [{ key: `group-empty:${groupId}:${opts.period}`, createdAt: now }],
        skipDuplicates: true,
      });
      if (first.count) report.toReport.push({ departmentName: d.name, role, groupId });
    }
    await db.department.update({ where: { id: d.id }, data: { groupsSyncedFor: opts.period } });
  }
  if (report.toReport.length)
    report.admins = (await db.person.findMany({ where: { isAdmin: true }, orderBy: { id: 'asc' } })).map(
      (p) => p.slackUserId,
    );
  return report;
}

async function activeMembers(directory: WorkspaceDirectory, groupId: string): Promise<WorkspaceUser[]> {
  const ids = (await directory.groupMembers(groupId)) ?? [];
  const out: WorkspaceUser[] = [];
  for (const id of ids) {
    const u = await directory.userInfo(id);
    if (u && !u.deleted && !u.isBot) out.push(u);
  }
  return out;
}
