// `/stat unlock`: reopen a department's locked period for a correction. The permission check for
// unlocking is here, the one place.
import type { Db } from '../../infra/db-types.js';
import { isAllowed } from '../authorize.js';
import { unlockPeriod } from './lock-periods.js';

export type UnlockOutcome =
  | { kind: 'not_allowed' }
  | { kind: 'unknown_department'; key: string }
  | { kind: 'unlocked' | 'was_not_locked'; departmentName: string };

export async function unlockDepartmentPeriod(
  db: Db,
  o: { userId: string; departmentKey: string; period: string; now: Date },
): Promise<UnlockOutcome> {
  if (!(await isAllowed(db, o.userId, 'unlock_period'))) return { kind: 'not_allowed' };
  const dept = await db.department.findFirst({ where: { key: { equals: o.departmentKey, mode: 'insensitive' } } });
  if (!dept) return { kind: 'unknown_department', key: o.departmentKey };
  const done = await unlockPeriod(db, dept.id, o.period, o.userId, o.now);
  return { kind: done ? 'unlocked' : 'was_not_locked', departmentName: dept.name };
}
