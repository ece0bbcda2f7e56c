// A department's liaisons or heads from a Slack user group: the group's members become viaGroup
// memberships (the program file's own roles are left alone), and people new to the bot get a row.
import type { Db } from '../../infra/db-types.js';
import type { WorkspaceUser } from '../../infra/slack/workspace-directory.js';

export type GroupRole = 'liaison' | 'head';

/** Makes the viaGroup memberships of (department, role) exactly `members`; returns how many changed. */
export async function applyGroupMembers(
  db: Db,
  departmentId: number,
  role: GroupRole,
  members: WorkspaceUser[],
): Promise<number> {
  const personIds: number[] = [];
  for (const m of members) {
    const person = await db.person.upsert({
      where: { slackUserId: m.id },
      create: { slackUserId: m.id, name: m.name, tz: m.tz },
      update: m.tz ? { tz: m.tz } : {},
    });
    personIds.push(person.id);
  }
  const have = await db.departmentMember.findMany({ where: { departmentId, role } });
  const stale = have.filter((h) => h.viaGroup && !personIds.includes(h.personId));
  const fresh = personIds.filter((id) => !have.some((h) => h.personId === id));
  if (stale.length) await db.departmentMember.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
  if (fresh.length)
    await db.departmentMember.createMany({
      data: fresh.map((personId) => ({ personId, departmentId, role, viaGroup: true })),
    });
  return stale.length + fresh.length;
}
