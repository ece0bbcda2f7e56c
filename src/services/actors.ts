// Who is asking: the person's roles, as the permission table needs them.

import { type Actor, NOBODY } from '../domain/permissions.js';
import type { Db } from '../infra/db-types.js';

export interface KnownActor extends Actor {
  userId: string;
  name: string | null;
}

export async function loadActor(db: Db, userId: string): Promise<KnownActor> {
  const person = await db.person.findUnique({ where: { slackUserId: userId }, include: { memberships: true } });
  if (!person) return { ...NOBODY, userId, name: null };
  return {
    userId,
    name: person.name,
    isAdmin: person.isAdmin,
    isChair: person.isChair,
    liaisonOf: person.memberships.filter((m) => m.role === 'liaison').map((m) => m.departmentId),
    headOf: person.memberships.filter((m) => m.role === 'head').map((m) => m.departmentId),
  };
}

/** Slack user ids of a department's liaisons (or heads). */
export async function membersOf(db: Db, departmentId: number, role: 'liaison' | 'head'): Promise<string[]> {
  const rows = await db.departmentMember.findMany({
    where: { departmentId, role },
    include: { person: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => r.person.slackUserId);
}

/**
 * Every department's liaisons and heads in one query (planning a whole program): Slack user ids by
 * department id, in membership order.
 */
export async function membersByDepartment(
  db: Db,
  departmentIds: readonly number[],
): Promise<Record<'liaison' | 'head', Map<number, string[]>>> {
  const rows = await db.$queryRaw<{ departmentId: number; role: string; slackUserId: string }[]>`
    SELECT m."departmentId", m.role, p."slackUserId"
    FROM "DepartmentMember" m JOIN "Person" p ON p.id = m."personId"
    WHERE m."departmentId" = ANY(${[...departmentIds]}::int[])
    ORDER BY m.id`;
  const out = { liaison: new Map<number, string[]>(), head: new Map<number, string[]>() };
  for (const r of rows) {
    if (r.role !== 'liaison' && r.role !== 'head') continue;
    const byDepartment = out[r.role];
    byDepartment.set(r.departmentId, [...(byDepartment.get(r.departmentId) ?? []), r.slackUserId]);
  }
  return out;
}

export async function chairs(db: Db): Promise<string[]> {
  const rows = await db.person.findMany({ where: { isChair: true }, orderBy: { id: 'asc' } });
  return rows.map((r) => r.slackUserId);
}
