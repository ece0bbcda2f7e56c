// The program's goals with a status rolled up from their metrics (domain/goals/goal-status.ts).
// Each metric is judged on the period reviewed, or the one before when that has no value yet
// (numbers not due, or late), so a goal is not "not measured" merely because a month just closed.
import { formatPeriodLabel, previousPeriod } from '../../domain/calendar/index.js';
import { GOAL_STATUS_ORDER, rollUpGoal } from '../../domain/goals/goal-status.js';
import type { Db } from '../../infra/db-types.js';
import type { GoalReport, GoalView } from '../../views/goals-message.js';
import type { AnalysedMetric } from '../../views/metric-line.js';
import { analyseDepartments } from '../roundtable/analyse-departments.js';
import { metricsWithoutPlan } from './no-plan-yet.js';

export type { GoalReport, GoalView };

export async function buildGoalReport(
  db: Db,
  periods: { monthly: string; quarterly: string },
  options: { fiscalYearStart: number; priority?: string },
): Promise<GoalReport> {
  const priorities = await db.strategicPriority.findMany({
    where: { active: true },
    orderBy: { sortOrder: 'asc' },
    include: {
      goals: { where: { active: true }, orderBy: { sortOrder: 'asc' }, include: { metrics: true } },
    },
  });
  const chosen = options.priority
    ? priorities.filter((p) => [p.key, p.name].some((x) => x.toLowerCase() === options.priority?.toLowerCase()))
    : priorities;
  const metricIds = chosen.flatMap((p) => p.goals.flatMap((g) => g.metrics.map((m) => m.metricId)));
  const departments = await db.department.findMany({
    where: { active: true, metrics: { some: { id: { in: metricIds } } } },
    select: { key: true, name: true },
  });
  const keys = departments.map((d) => d.key);
  const analyse = (monthly: string, quarterly: string) =>
    analyseDepartments(db, keys, monthly, quarterly, { fiscalYearStart: options.fiscalYearStart });
  const [current, earlier] = await Promise.all([
    analyse(periods.monthly, periods.quarterly),
    analyse(previousPeriod(periods.monthly), previousPeriod(periods.quarterly)),
  ]);
  const byId = new Map<number, { metric: AnalysedMetric; departmentName: string }>();
  for (const [i, d] of current.entries())
    for (const m of d.metrics) {
      const fallback = earlier[i]?.metrics.find((x) => x.metricId === m.metricId);
      const metric = m.analysis.actual === null && fallback?.analysis.actual != null ? fallback : m;
      byId.set(m.metricId, { metric, departmentName: d.name });
    }
  const unplanned = await metricsWithoutPlan(
    db,
    [...byId.values()].map((x) => x.metric),
  );
  const deptName = new Map(
    (await db.department.findMany({ select: { key: true, name: true } })).map((d) => [d.key, d.name]),
  );
  // Before the month's numbers are in, the report is "as of" the month before.
  const monthlyUsed = [...byId.values()].map((x) => x.metric.analysis.period).filter((p) => p && !p.includes('Q'));
  const period =
    monthlyUsed.length && !monthlyUsed.includes(periods.monthly) ? previousPeriod(periods.monthly) : periods.monthly;
  return {
    period,
    periodLabel: formatPeriodLabel(period),
    askedFor: options.priority ?? null,
    priorities: chosen.map((p) => ({
      key: p.key,
      name: p.name,
      goals: p.goals
        .map((g): GoalView => {
          const metrics = g.metrics.flatMap((link) => {
            const x = byId.get(link.metricId);
            return x ? [{ ...x, noPlanYet: unplanned.has(link.metricId) }] : [];
          });
          const rollUp = rollUpGoal(
            metrics.map(({ metric: m }) => ({
              status: m.analysis.status,
              wrongWaySignal: m.analysis.signal.isSignal && m.analysis.signal.direction === 'unfavourable',
            })),
          );
          return {
            key: g.key,
            statement: g.statement,
            departmentName: g.departmentKey ? (deptName.get(g.departmentKey) ?? g.departmentKey) : null,
            longTerm: g.longTermTarget && g.longTermBy ? { target: g.longTermTarget, by: g.longTermBy } : null,
            shortTerm: g.shortTermTarget && g.shortTermBy ? { target: g.shortTermTarget, by: g.shortTermBy } : null,
            fromLabels: g.fromLabels,
            rollUp,
            metrics,
          };
        })
        .sort((a, b) => GOAL_STATUS_ORDER[a.rollUp.status] - GOAL_STATUS_ORDER[b.rollUp.status]),
    })),
  };
}
