// App Home's citywide part for chairs and admins: goal statuses and the program's health line.
import { lastClosedPeriod } from '../../domain/calendar/index.js';
import type { Db } from '../../infra/db-types.js';
import type { HomeCitywide } from '../../views/home-citywide.js';
import { buildGoalReport } from '../goals/goal-report.js';
import { loadProgramHealth } from '../health/program-health.js';
import { loadProgramSettings } from '../program-settings.js';

export async function loadHomeCitywide(db: Db, now: Date): Promise<HomeCitywide> {
  const settings = await loadProgramSettings(db);
  const tz = settings.calendar.timezone;
  const report = await buildGoalReport(
    db,
    { monthly: lastClosedPeriod(now, 'monthly', tz), quarterly: lastClosedPeriod(now, 'quarterly', tz) },
    { fiscalYearStart: settings.fiscalYearStart },
  );
  const goals = report.priorities.flatMap((p) => p.goals);
  const health = await loadProgramHealth(db, now);
  return {
    periodLabel: report.periodLabel,
    goals: goals.map((g) => ({
      status: g.rollUp.status,
      statement: g.statement,
      noPlanYet: g.metrics.some((m) => m.noPlanYet),
    })),
    health: health.rows.filter((r) => r.departmentKey === null).at(-1),
  };
}
