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

/** membersOf for many departments in one query: Slack user ids by department id, in membership order. */
export async function membersByDepartment(
  db: Db,
  departmentIds: readonly number[],
  role: 'liaison' | 'head',
): Promise<Map<number, string[]>> {
  const rows = await db.departmentMember.findMany({
    where: { departmentId: { in: [...departmentIds] }, role },
    include: { person: true },
    orderBy: { id: 'asc' },
  });
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.departmentId, [...(out.get(r.departmentId) ?? []), r.person.slackUserId]);
  return out;
}

export async function chairs(db: Db): Promise<string[]> {
  const rows = await db.person.findMany({ where: { isChair: true }, orderBy: { id: 'asc' } });
  return rows.map((r) => r.slackUserId);
}
