// Which metrics are flagged "no plan yet": off target or signalling the wrong way for their last
// two periods with no open follow-up on them. The agenda, the goals view and the brief ask here.
import { needsPlan, recentConcerns } from '../../domain/goals/goal-status.js';
import type { Db } from '../../infra/db-types.js';
import type { AnalysedMetric } from '../../views/metric-line.js';

export async function metricsWithoutPlan(db: Db, metrics: readonly AnalysedMetric[]): Promise<Set<number>> {
  if (metrics.length === 0) return new Set();
  const open = await db.followUp.findMany({
    where: { status: 'open', metricId: { in: metrics.map((m) => m.metricId) } },
    select: { metricId: true },
  });
  return unplannedAmong(metrics, new Set(open.map((f) => f.metricId)));
}

/** The same, given the ids of the metrics that have an open follow-up (a caller that read them already). */
export function unplannedAmong(metrics: readonly AnalysedMetric[], planned: ReadonlySet<number | null>): Set<number> {
  return new Set(
    metrics
      .filter((m) => needsPlan(recentConcerns(m.analysis, m.history, m.rule), planned.has(m.metricId)))
      .map((m) => m.metricId),
  );
}
