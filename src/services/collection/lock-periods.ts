// Locking and unlocking a period's numbers. A locked period refuses new submissions; only a
// chair or admin unlocks it, and both are kept in the audit trail.
import type { Db } from '../../infra/db-types.js';
import { loadProgramSettings } from '../program-settings.js';
import { ensureDepartmentPeriod } from './department-period.js';

export async function lockPeriods(
  db: Db,
  departmentIds: number[],
  periods: string[],
  by: string,
  now: Date,
): Promise<number> {
  // An obligation nobody has opened yet still gets its row (with its due date), so it locks too.
  const settings = await loadProgramSettings(db);
  for (const d of await db.department.findMany({ where: { id: { in: departmentIds } } })) {
    for (const period of periods) await ensureDepartmentPeriod(db, d, period, settings);
  }
  const res = await db.departmentPeriod.updateMany({
    where: { departmentId: { in: departmentIds }, period: { in: periods }, lockedAt: null },
    data: { lockedAt: now, lockedBy: by },
  });
  if (res.count)
    await db.auditEvent.create({
      data: { actor: by, action: 'period.lock', detail: { departmentIds, periods }, at: now },
    });
  return res.count;
}

export async function unlockPeriod(
  db: Db,
  departmentId: number,
  period: string,
  by: string,
  now: Date,
): Promise<boolean> {
  const res = await db.departmentPeriod.updateMany({
    where: { departmentId, period, lockedAt: { not: null } },
    data: { lockedAt: null, lockedBy: null },
  });
  if (res.count)
    await db.auditEvent.create({
      data: { actor: by, action: 'period.unlock', detail: { departmentId, period }, at: now },
    });
  return res.count > 0;
}
