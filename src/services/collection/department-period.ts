// A department's obligation for a period: created on first need with its due date, so reminders,
// the form and the late list all agree on one date.

import {
  computeDueDate,
  DEFAULT_DUE_RULE,
  type DueRule,
  frequencyOfPeriod,
  parseDueRule,
} from '../../domain/calendar/index.js';

/** A week's numbers are due two business days after it ends (Tuesday, usually): README, "Weekly metrics". */
export const WEEKLY_DUE_RULE: DueRule = { kind: 'business_days_after_period_end', days: 2 };

import type { Db } from '../../infra/db-types.js';
import type { ProgramSettings } from '../program-settings.js';

export async function ensureDepartmentPeriod(
  db: Db,
  department: { id: number; dueRule: string },
  period: string,
  settings: ProgramSettings,
) {
  const existing = await db.departmentPeriod.findUnique({
    where: { departmentId_period: { departmentId: department.id, period } },
  });
  if (existing) return existing;
  return db.departmentPeriod.upsert({
    where: { departmentId_period: { departmentId: department.id, period } },
    create: { departmentId: department.id, period, dueDate: dueDateOf(department, period, settings) },
    update: {},
  });
}

/**
 * ensureDepartmentPeriod for many departments at once (planning the ladder for a whole program,
 * the late list, the agenda): one read, and only when some are missing one bulk insert of them
 * (skipDuplicates: another replica may insert the same ones meanwhile) and one read back. By
 * department id.
 */
export async function ensureDepartmentPeriods(
  db: Db,
  departments: readonly { id: number; dueRule: string }[],
  period: string,
  settings: ProgramSettings,
) {
  if (departments.length === 0) return new Map<number, Awaited<ReturnType<typeof ensureDepartmentPeriod>>>();
  const ids = departments.map((d) => d.id);
  const read = () => db.departmentPeriod.findMany({ where: { period, departmentId: { in: ids } } });
  const existing = await read();
  const found = new Set(existing.map((o) => o.departmentId));
  const missing = departments.filter((d) => !found.has(d.id));
  if (missing.length === 0) return new Map(existing.map((o) => [o.departmentId, o]));
  await db.departmentPeriod.createMany({
    data: missing.map((d) => ({ departmentId: d.id, period, dueDate: dueDateOf(d, period, settings) })),
    skipDuplicates: true,
  });
  return new Map((await read()).map((o) => [o.departmentId, o]));
}

function dueDateOf(department: { dueRule: string }, period: string, settings: ProgramSettings): string {
  const rule = frequencyOfPeriod(period) === 'weekly' ? WEEKLY_DUE_RULE : departmentDueRule(department, settings);
  return computeDueDate(period, rule, settings.calendar.holidays);
}

/** The department's due rule; a hand-edited rule that no longer parses falls back to the program's. */
export function departmentDueRule(department: { dueRule: string }, settings: { dueRule: string }): DueRule {
  const rule = parseDueRule(department.dueRule);
  if (rule.ok) return rule.value;
  const fallback = parseDueRule(settings.dueRule);
  return fallback.ok ? fallback.value : DEFAULT_DUE_RULE;
}
