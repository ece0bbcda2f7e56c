// What the follow-up modal needs: the departments and metrics to choose from, and the owner's
// department guessed when they belong to exactly one.
import type { Db } from '../../infra/db-types.js';
import type { FollowUpModalInput } from '../../views/followup-modal.js';

export async function loadFollowUpChoices(db: Db): Promise<Pick<FollowUpModalInput, 'departments' | 'metrics'>> {
  const departments = await db.department.findMany({
    where: { active: true },
    orderBy: { name: 'asc' },
    include: { metrics: { where: { active: true }, orderBy: { sortOrder: 'asc' } } },
  });
  return {
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    metrics: departments.flatMap((d) => d.metrics.map((m) => ({ id: m.id, name: m.name, departmentName: d.name }))),
  };
}

export async function departmentOfPerson(db: Db, slackUserId: string): Promise<number | null> {
  const person = await db.person.findUnique({ where: { slackUserId }, include: { memberships: true } });
  const ids = [...new Set(person?.memberships.map((m) => m.departmentId) ?? [])];
  return ids.length === 1 ? ids[0]! : null;
}
