// Locking and unlocking a period's numbers. A locked period refuses new submissions; only a
// chair or admin unlocks it, and both are kept in the audit trail. A period is never locked
// before its due day has passed: the liaisons still have until then (whatever asks for the lock).
import { localDateOf } from '../../domain/calendar/index.js';
import { isPastDue } from '../../domain/meetings/period-under-review.js';
import type { Db } from '../../infra/db-types.js';
import { loadProgramSettings } from '../program-settings.js';
import { ensureDepartmentPeriod } from './department-period.js';

export interface PeriodLockResult {
  locked: number;
  /** Asked to lock but not yet due: left open. */
  notDue: { departmentId: number; period: string; dueDate: string }[];
}

export async function lockPeriods(
  db: Db,
  targets: { departmentId: number; period: string }[],
  by: string,
  now: Date,
): Promise<PeriodLockResult> {
  const settings = await loadProgramSettings(db);
  const today = localDateOf(now, settings.calendar.timezone);
  const departments = new Map(
    (await db.department.findMany({ where: { id: { in: targets.map((t) => t.departmentId) } } })).map((d) => [d.id, d]),
  );
  const ids: number[] = [];
  const locking: { departmentId: number; period: string }[] = [];
  const notDue: PeriodLockResult['notDue'] = [];
  for (const t of targets) {
    const d = departments.get(t.departmentId);
    if (!d) continue;
    // An obligation nobody has opened yet still gets its row (with its due date), so it locks too.
    const obligation = await ensureDepartmentPeriod(db, d, t.period, settings);
    if (isPastDue(obligation.dueDate, today)) {
      ids.push(obligation.id);
      locking.push(t);
    } else notDue.push({ departmentId: d.id, period: t.period, dueDate: obligation.dueDate });
  }
  const res = await db.departmentPeriod.updateMany({
    where: { id: { in: ids }, lockedAt: null },
    data: { lockedAt: now, lockedBy: by },
  });
  if (res.count) {
    // The lock records the head's sign-off as it stands: who approved and when (issue 15).
    const signOff = (
      await db.departmentPeriod.findMany({ where: { id: { in: ids }, signOffStatus: { not: null } } })
    ).map((r) => ({
      departmentId: r.departmentId,
      period: r.period,
      status: r.signOffStatus,
      by: r.signedOffBy,
      at: r.signedOffAt?.toISOString() ?? null,
    }));
    await db.auditEvent.create({
      data: {
        actor: by,
        action: 'period.lock',
        detail: { targets: locking, ...(signOff.length ? { signOff } : {}) },
        at: now,
      },
    });
  }
  return { locked: res.count, notDue };
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
