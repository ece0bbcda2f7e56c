// A goal's status from its metrics, and the "no plan yet" flag on a metric. Pure.
//
// Rules (README, "Goals"), over the goal's metrics that have a value for the period reviewed:
// - not measured yet: none of its metrics has a value (or it has no metrics);
// - off track: at least half of the measured metrics are off target;
// - at risk: otherwise, any measured metric is off target or near it, or signals the wrong way;
// - on track: every measured metric is on target (or has no target) with no wrong-way signal.
import type { MetricAnalysis } from '../metric-analysis.js';
import type { MetricRule, Status } from '../types.js';
import { classifyStatus } from '../variance.js';

export type GoalStatus = 'on_track' | 'at_risk' | 'off_track' | 'not_measured';

export interface GoalMetricFacts {
  status: Status;
  /** The latest period's verdict is a signal the wrong way for the metric's polarity. */
  wrongWaySignal: boolean;
}

export interface GoalRollUp {
  status: GoalStatus;
  measured: number;
  offTarget: number;
  near: number;
  wrongWay: number;
  total: number;
}

export function rollUpGoal(metrics: readonly GoalMetricFacts[]): GoalRollUp {
  const measured = metrics.filter((m) => m.status !== 'no_data');
  const offTarget = measured.filter((m) => m.status === 'off_target').length;
  const near = measured.filter((m) => m.status === 'near').length;
  const wrongWay = measured.filter((m) => m.wrongWaySignal).length;
  const status: GoalStatus =
    measured.length === 0
      ? 'not_measured'
      : offTarget * 2 >= measured.length
        ? 'off_track'
        : offTarget + near + wrongWay > 0
          ? 'at_risk'
          : 'on_track';
  return { status, measured: measured.length, offTarget, near, wrongWay, total: metrics.length };
}

/** One period of a metric: whether it was off target, and whether it signalled the wrong way. */
export interface PeriodConcern {
  offTarget: boolean;
  wrongWaySignal: boolean;
}

/**
 * "No plan yet": the metric's last two periods were each off target or signalling the wrong way,
 * and nobody owns an open follow-up on it (Spider Impact's "red with no task"). `periods` ends
 * with the latest; fewer than two periods never flags.
 */
export function needsPlan(periods: readonly PeriodConcern[], hasOpenFollowUp: boolean): boolean {
  if (hasOpenFollowUp || periods.length < 2) return false;
  return periods.slice(-2).every((p) => p.offTarget || p.wrongWaySignal);
}

export const GOAL_STATUS_ORDER: Record<GoalStatus, number> = { off_track: 0, at_risk: 1, not_measured: 2, on_track: 3 };

/** The concern facts of a metric's last `n` periods, from its analysis and history. */
export function recentConcerns(
  analysis: Pick<MetricAnalysis, 'periods' | 'process' | 'signal'>,
  history: readonly { period: string; actual: number | null; target: number | null }[],
  rule: Pick<MetricRule, 'polarity' | 'tolerance'>,
  n = 2,
): PeriodConcern[] {
  const last = analysis.periods.length - 1;
  return analysis.periods.slice(-n).map((period, k, shown) => {
    const i = last - (shown.length - 1 - k);
    const h = history.find((x) => x.period === period);
    const point = analysis.process.points[i];
    // The latest verdict also counts trends; earlier periods count the XmR rules they triggered.
    const wrongWaySignal =
      i === last
        ? analysis.signal.isSignal && analysis.signal.direction === 'unfavourable'
        : !!point && point.rules.length > 0 && point.direction === 'unfavourable';
    return { offTarget: classifyStatus(h?.actual ?? null, h?.target ?? null, rule) === 'off_target', wrongWaySignal };
  });
}
