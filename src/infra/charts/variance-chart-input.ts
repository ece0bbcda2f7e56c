// From a metric's analysis to its chart input, so the chart shows exactly the statuses and signals
// the agenda and packet text report.
import { MONTH_NAMES, parsePeriodKey } from '../../domain/calendar/periods.js';
import type { MetricAnalysis, MetricPoint } from '../../domain/metric-analysis.js';
import type { MetricRule, PeriodKey } from '../../domain/types.js';
import { classifyStatus } from '../../domain/variance.js';
import type { VarianceChartInput } from './variance-chart-spec.js';

export interface ChartedMetric {
  name: string;
  unit: string;
  rule: Pick<MetricRule, 'polarity' | 'tolerance' | 'decimals'>;
}

/** "2026-10" → "Oct 26", "2026-Q3" → "Q3 26": short enough for a dozen ticks across a thumbnail. */
export function labelPeriodShort(period: PeriodKey): string {
  const p = parsePeriodKey(period);
  const year = String(p.year % 100).padStart(2, '0');
  return p.frequency === 'monthly' ? `${MONTH_NAMES[p.index - 1]?.slice(0, 3)} ${year}` : `Q${p.index} ${year}`;
}

/**
 * `points` are the ones the analysis was given. Collapsed limits (no variation yet) are left off:
 * one line on the average would read as a limit the process sits on.
 */
export function buildVarianceChartInput(
  metric: ChartedMetric,
  analysis: MetricAnalysis,
  points: readonly MetricPoint[],
): VarianceChartInput {
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const limits = analysis.xmr.limits;
  return {
    title: metric.name,
    unit: metric.unit,
    decimals: metric.rule.decimals,
    polarity: metric.rule.polarity,
    tolerance: metric.rule.tolerance,
    points: analysis.periods.map((period, i) => {
      const actual = byPeriod.get(period)?.actual ?? null;
      const target = byPeriod.get(period)?.target ?? null;
      const signal = (analysis.xmr.points[i]?.rules.length ?? 0) > 0;
      return {
        label: labelPeriodShort(period),
        actual,
        target,
        status: classifyStatus(actual, target, metric.rule),
        signal,
      };
    }),
    limits: limits && !limits.collapsed ? limits : null,
    note: analysis.signal.text,
  };
}
