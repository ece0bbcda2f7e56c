// Who is asking: the person's roles, as the permission table needs them.

import { localDateOf } from '../domain/calendar/index.js';
import { type Actor, NOBODY } from '../domain/permissions.js';
import type { Db } from '../infra/db-types.js';

export interface KnownActor extends Actor {
  userId: string;
  name: string | null;
}

/**
 * With `now`, a delegate also acts for the colleagues who are away that day and named them (issue 15):
 * they may enter their departments' numbers.
 *
 * One query for the person, their memberships and whether anyone named them a delegate: every
 * request asks this first (issue 11: three round trips each, on the form's path before the ack).
 */
export async function loadActor(db: Db, userId: string, now?: Date): Promise<KnownActor> {
  const rows = await db.$queryRaw<
    {
      name: string;
      isAdmin: boolean;
      isChair: boolean;
      departmentId: number | null;
      role: string | null;
      isDelegate: boolean;
    }[]
  >`
    SELECT p.name, p."isAdmin", p."isChair", m."departmentId", m.role,
      EXISTS (SELECT 1 FROM "Absence" a WHERE a.delegate = p."slackUserId") AS "isDelegate"
    FROM "Person" p LEFT JOIN "DepartmentMember" m ON m."personId" = p.id
    WHERE p."slackUserId" = ${userId}
    ORDER BY m.id`;
  const person = rows[0];
  if (!person) return { ...NOBODY, userId, name: null };
  const delegated = now && person.isDelegate ? await delegatedLiaisonships(db, userId, now) : [];
  const departmentsAs = (role: string) => rows.filter((r) => r.role === role).map((r) => r.departmentId!);
  return {
    userId,
    name: person.name,
    isAdmin: person.isAdmin,
    isChair: person.isChair,
    liaisonOf: [...new Set([...departmentsAs('liaison'), ...delegated])],
    headOf: departmentsAs('head'),
  };
}

/** Departments whose liaison is away today and named this person as their delegate. */
async function delegatedLiaisonships(db: Db, userId: string, now: Date): Promise<number[]> {
  const away = await db.absence.findMany({ where: { delegate: userId } });
  if (away.length === 0) return [];
  const program = await db.program.findUnique({ where: { id: 1 } });
  const today = program ? localDateOf(now, program.timezone) : '';
  const covering = away.filter((a) => a.startDate <= today && today <= a.endDate).map((a) => a.slackUserId);
  if (covering.length === 0) return [];
  const rows = await db.departmentMember.findMany({
    where: { role: 'liaison', person: { slackUserId: { in: covering } } },
  });
  return rows.map((r) => r.departmentId);
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
