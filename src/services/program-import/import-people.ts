// People and their roles. The file is the source of truth for roles: a person's memberships are
// made to match it exactly (someone removed as liaison stops receiving reminders). Memberships that
// come from a Slack user group (viaGroup) are the group sync's, never touched here.

import type { Db } from '../../infra/db-types.js';
import type { ResolvedPerson } from '../people/resolve-people.js';
import { count, type ImportSummary } from './import-summary.js';

export async function importPeople(
  db: Db,
  people: ResolvedPerson[],
  departmentIds: Map<string, number>,
  summary: ImportSummary,
) {
  for (const p of people) {
    const flags = {
      name: p.name,
      email: p.email ?? null,
      isAdmin: p.roles.includes('admin'),
      isChair: p.roles.includes('chair'),
    };
    const existing = await db.person.findUnique({ where: { slackUserId: p.slack_id }, include: { memberships: true } });
    const person =
      existing ?? (await db.person.create({ data: { slackUserId: p.slack_id, ...flags, tz: p.tz ?? null } }));
    if (!existing) count(summary, 'created', 'people');
    else if (
      existing.name !== flags.name ||
      existing.email !== flags.email ||
      existing.isAdmin !== flags.isAdmin ||
      existing.isChair !== flags.isChair
    ) {
      await db.person.update({ where: { id: existing.id }, data: flags });
      count(summary, 'updated', 'people');
    }
    // The time zone is Slack's, not the file's: refreshed quietly (it is not a change to the program).
    if (existing && p.tz && existing.tz !== p.tz)
      await db.person.update({ where: { id: existing.id }, data: { tz: p.tz } });
    const wanted = p.roles
      .filter((r) => r.includes(':'))
      .map((r) => {
        const [role, dept] = r.split(':') as [string, string];
        return { role, departmentId: departmentIds.get(dept)! };
      });
    const have = (existing?.memberships ?? []).filter((m) => !m.viaGroup);
    const stale = have.filter((m) => !wanted.some((w) => w.role === m.role && w.departmentId === m.departmentId));
    const fresh = wanted.filter((w) => !have.some((m) => w.role === m.role && w.departmentId === m.departmentId));
    if (stale.length) await db.departmentMember.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
    // A role the file now gives someone who had it through a group becomes the file's.
    if (fresh.length)
      await db.departmentMember.deleteMany({
        where: {
          personId: person.id,
          viaGroup: true,
          OR: fresh.map((f) => ({ role: f.role, departmentId: f.departmentId })),
        },
      });
    if (fresh.length) await db.departmentMember.createMany({ data: fresh.map((f) => ({ ...f, personId: person.id })) });
    count(summary, 'updated', 'roles', stale.length + fresh.length);
  }
}
