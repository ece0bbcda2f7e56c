// From a metric's analysis to its chart input, so the chart shows exactly the statuses, signals,
// process segments and change points the agenda and packet text report.
import { MONTH_NAMES, parsePeriodKey } from '../../domain/calendar/periods.js';
import type { MetricAnalysis, MetricPoint } from '../../domain/metric-analysis.js';
import { bandAt } from '../../domain/process-segments.js';
import type { MetricRule, PeriodKey } from '../../domain/types.js';
import { classifyStatus } from '../../domain/variance.js';
import { type ChartSegment, MAX_CHART_POINTS, type VarianceChartInput } from './variance-chart-spec.js';

export interface ChartedMetric {
  name: string;
  unit: string;
  rule: Pick<MetricRule, 'polarity' | 'tolerance' | 'decimals'>;
}

/** "2026-10" → "Oct 26", "2026-Q3" → "Q3 26": short enough for a dozen ticks across a thumbnail. */
export function labelPeriodShort(period: PeriodKey): string {
  const p = parsePeriodKey(period);
  const year = String(p.year % 100).padStart(2, '0');
  if (p.frequency === 'weekly') return `W${p.index} ${year}`;
  return p.frequency === 'monthly' ? `${MONTH_NAMES[p.index - 1]?.slice(0, 3)} ${year}` : `Q${p.index} ${year}`;
}

/**
 * Each segment with limits becomes its own centre line and limits, clipped to the periods the
 * chart shows. Collapsed limits (no variation yet) are left off: one line on the average would
 * read as a limit the process sits on. Seasonal metrics have no limits on their values (theirs
 * are on year-on-year changes), so they draw the same period a year earlier instead.
 */
function chartSegments(analysis: MetricAnalysis, offset: number): ChartSegment[] {
  if (analysis.process.seasonal) return [];
  const out: ChartSegment[] = [];
  for (const seg of analysis.process.segments) {
    const from = Math.max(seg.start, offset);
    const to = seg.end - 1;
    if (!seg.limits || seg.limits.collapsed || to < from) continue;
    const a = bandAt(seg, from);
    const b = bandAt(seg, to);
    if (!a || !b) continue;
    out.push({
      from: from - offset,
      to: to - offset,
      centre: [a.centre, b.centre],
      lower: [a.lower, b.lower],
      upper: [a.upper, b.upper],
      trend: seg.trend !== null,
      provisional: seg.quality === 'provisional',
    });
  }
  return out;
}

/** `points` are the ones the analysis was given; only the last MAX_CHART_POINTS periods are drawn. */
export function buildVarianceChartInput(
  metric: ChartedMetric,
  analysis: MetricAnalysis,
  points: readonly MetricPoint[],
): VarianceChartInput {
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const offset = Math.max(0, analysis.periods.length - MAX_CHART_POINTS);
  const shown = analysis.periods.slice(offset);
  const seasonal = analysis.process.seasonal;
  const trend = analysis.process.current?.trend ?? null;
  return {
    title: metric.name,
    unit: metric.unit,
    decimals: metric.rule.decimals,
    polarity: metric.rule.polarity,
    tolerance: metric.rule.tolerance,
    points: shown.map((period, j) => {
      const i = j + offset;
      const actual = byPeriod.get(period)?.actual ?? null;
      const target = byPeriod.get(period)?.target ?? null;
      const signal = (analysis.process.points[i]?.rules.length ?? 0) > 0;
      const lag = seasonal?.lag ?? 0;
      const yearEarlier = seasonal && i >= lag ? (byPeriod.get(analysis.periods[i - lag] ?? '')?.actual ?? null) : null;
      return {
        label: labelPeriodShort(period),
        actual,
        target,
        status: classifyStatus(actual, target, metric.rule),
        signal,
        ...(seasonal ? { yearEarlier } : {}),
      };
    }),
    segments: chartSegments(analysis, offset),
    changePoints: analysis.process.segments
      .filter((s) => s.startedBy !== 'series_start' && s.start > offset)
      .map((s) => s.start - offset),
    ...(trend ? { trendLabel: trend.slope > 0 ? 'rising trend' : 'falling trend' } : {}),
    note: analysis.signal.text,
  };
}
