// The monthly citywide brief's content: across every department, the three to six metrics most
// worth leadership's attention (ranked like the agenda, with a goal off track or at risk counting
// too), improvements worth recognising, goals at risk, overdue follow-ups by department, who has
// not submitted, and the program's own health in one line. `/stat brief` and the scheduled brief
// read this.

import { quarterClosedBy } from '../../domain/brief/brief-schedule.js';
import { formatPeriodLabel, localDateOf } from '../../domain/calendar/index.js';
import type { GoalStatus } from '../../domain/goals/goal-status.js';
import { agendaSectionOf, rankAgendaItems, scoreAgendaItem } from '../../domain/metric-analysis.js';
import type { Db } from '../../infra/db-types.js';
import type { BriefMetric, CitywideBrief } from '../../views/brief-message.js';
import { getCollectionStatus } from '../collection/collection-status.js';
import { buildGoalReport } from '../goals/goal-report.js';
import { metricsWithoutPlan } from '../goals/no-plan-yet.js';
import { loadProgramHealth } from '../health/program-health.js';
import { loadProgramSettings } from '../program-settings.js';
import { analyseDepartments } from '../roundtable/analyse-departments.js';

export type { CitywideBrief };

/** At most this many metrics lead the brief (Atlanta's cabinet reviewed three to six). */
export const BRIEF_METRICS = 6;
export const BRIEF_RECOGNITIONS = 4;
/** A metric whose goal is off track (at risk) ranks as if this much further off target. */
const GOAL_POINTS: Record<GoalStatus, number> = { off_track: 4, at_risk: 2, not_measured: 0, on_track: 0 };

export async function buildCitywideBrief(db: Db, month: string, now: Date): Promise<CitywideBrief> {
  const settings = await loadProgramSettings(db);
  const quarter = quarterClosedBy(month);
  const departments = await db.department.findMany({ where: { active: true }, orderBy: { key: 'asc' } });
  const analysed = await analyseDepartments(
    db,
    departments.map((d) => d.key),
    month,
    quarter,
    { fiscalYearStart: settings.fiscalYearStart },
  );
  const goals = await buildGoalReport(
    db,
    { monthly: month, quarterly: quarter },
    { fiscalYearStart: settings.fiscalYearStart },
  );
  const goalOf = new Map(
    goals.priorities.flatMap((p) => p.goals.flatMap((g) => g.metrics.map((m) => [m.metric.metricId, g] as const))),
  );
  const all = analysed.flatMap((d) =>
    d.metrics.map((m) => {
      const goal = goalOf.get(m.metricId) ?? null;
      return {
        metric: m,
        departmentName: d.name,
        severity: m.analysis.severity,
        periodsOffTarget: m.analysis.periodsOffTarget,
        signal: m.analysis.signal,
        status: m.analysis.status,
        goalStatement: goal?.statement ?? null,
        goalStatus: goal?.rollUp.status ?? null,
      };
    }),
  );
  const score = (c: (typeof all)[number]) => scoreAgendaItem(c).score + GOAL_POINTS[c.goalStatus ?? 'on_track'];
  const attention = rankAgendaItems(all.filter((c) => agendaSectionOf(c) === 'attention'))
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, BRIEF_METRICS);
  const unplanned = await metricsWithoutPlan(
    db,
    attention.map((a) => a.c.metric),
  );
  const toBrief = (c: (typeof all)[number], s: number): BriefMetric => ({
    metric: c.metric,
    departmentName: c.departmentName,
    score: s,
    goalStatement: c.goalStatement,
    goalStatus: c.goalStatus,
    noPlanYet: unplanned.has(c.metric.metricId),
  });
  const today = localDateOf(now, settings.calendar.timezone);
  const overdue = await db.followUp.findMany({
    where: { status: 'open', dueDate: { lt: today } },
    include: { department: { select: { name: true } } },
    orderBy: { dueDate: 'asc' },
  });
  const byDepartment = new Map<string, { departmentName: string; count: number; oldestDueDate: string }>();
  for (const f of overdue) {
    const row = byDepartment.get(f.department.name) ?? {
      departmentName: f.department.name,
      count: 0,
      oldestDueDate: f.dueDate,
    };
    row.count++;
    byDepartment.set(f.department.name, row);
  }
  const status = await getCollectionStatus(db, month, now);
  const health = await loadProgramHealth(db, now);
  return {
    programName: settings.name,
    month,
    monthLabel: formatPeriodLabel(month),
    attention: attention.map((a) => toBrief(a.c, a.s)),
    recognitions: all
      .filter((c) => agendaSectionOf(c) === 'recognition')
      .slice(0, BRIEF_RECOGNITIONS)
      .map((c) => toBrief(c, 0)),
    goalsAtRisk: goals.priorities.flatMap((p) =>
      p.goals.filter((g) => g.rollUp.status === 'off_track' || g.rollUp.status === 'at_risk'),
    ),
    overdue: [...byDepartment.values()].sort(
      (a, b) => b.count - a.count || a.oldestDueDate.localeCompare(b.oldestDueDate),
    ),
    notSubmitted: status.rows.filter((r) => r.state === 'late' || r.state === 'partial' || r.state === 'not_started'),
    health: health.rows.find((r) => r.departmentKey === null && r.month === month),
    healthSeries: health.rows.filter((r) => r.departmentKey === null && r.month <= month),
    numbers: { entered: all.filter((c) => c.metric.analysis.actual !== null).length, total: all.length },
  };
}
