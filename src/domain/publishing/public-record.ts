// One row of the open-data feed: a public metric in one published period, with the same numbers the
// packet reports. Pure: the caller supplies the metric's public description and its analysis.
import { formatPeriodLabel, periodStartEnd } from '../calendar/periods.js';
import type { MetricAnalysis } from '../metric-analysis.js';
import { bandAt } from '../process-segments.js';
import type { Frequency, Polarity, Status } from '../types.js';

/** The feed's words for a status: a resident reads these, so "no_data" becomes "not_reported". */
export const PUBLIC_STATUS = {
  on_target: 'on_target',
  near: 'near_target',
  off_target: 'off_target',
  no_target: 'no_target',
  no_data: 'not_reported',
} as const satisfies Record<Status, string>;
export type PublicStatus = (typeof PUBLIC_STATUS)[Status];

/** What the city has chosen to say about a public metric (nothing else of the metric is used). */
export interface PublicMetricInfo {
  programKey: string;
  departmentKey: string;
  departmentName: string;
  key: string;
  name: string;
  definition: string;
  methodology: string;
  dataSource: string;
  unit: string;
  polarity: Polarity;
  frequency: Frequency;
  tolerance: number;
  decimals: number;
  goal: string | null;
  priority: string | null;
}

export interface PublicRecord {
  record_id: string;
  program: string;
  department_key: string;
  department: string;
  metric_key: string;
  metric: string;
  definition: string;
  methodology: string;
  data_source: string;
  unit: string;
  polarity: Polarity;
  frequency: Frequency;
  decimals: number;
  period: string;
  period_label: string;
  period_start: string;
  period_end: string;
  actual: number | null;
  target: number | null;
  tolerance: number;
  status: PublicStatus;
  signal: string;
  trend: string;
  centre_line: number | null;
  lower_limit: number | null;
  upper_limit: number | null;
  ytd_actual: number | null;
  ytd_target: number | null;
  goal: string | null;
  priority: string | null;
  explanation: string | null;
}

/** One point of the chart a resident sees: the published history of the metric up to the period. */
export interface PublicSeriesPoint {
  period: string;
  actual: number | null;
  target: number | null;
  signal: boolean;
  /** The current process's centre line and limits at this period (sloped for a trend); null outside it. */
  band: { centre: number; lower: number; upper: number } | null;
}

/** The current process segment's band at position `i`, or null (outside it, too few points, no variation). */
function currentBandAt(analysis: MetricAnalysis, i: number): PublicSeriesPoint['band'] {
  const seg = analysis.process.current;
  if (!seg || analysis.process.seasonal || i < seg.start || i >= seg.end) return null;
  const b = bandAt(seg, i);
  return b && !b.collapsed ? { centre: b.centre, lower: b.lower, upper: b.upper } : null;
}

/** `program:department:metric:period`, lower-case program slug: stable across re-imports, an upsert key. */
export function publicRecordId(programKey: string, departmentKey: string, metricKey: string, period: string): string {
  return `${programKey}:${departmentKey}:${metricKey}:${period}`;
}

/** "Riverton Stat" → "riverton-stat". */
export function programKeyOf(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'program'
  );
}

export function buildPublicRecord(
  info: PublicMetricInfo,
  analysis: MetricAnalysis,
  explanation: string | null,
): PublicRecord {
  const period = analysis.period ?? '';
  const { start, end } = periodStartEnd(period);
  const limits = currentBandAt(analysis, analysis.periods.length - 1);
  return {
    record_id: publicRecordId(info.programKey, info.departmentKey, info.key, period),
    program: info.programKey,
    department_key: info.departmentKey,
    department: info.departmentName,
    metric_key: info.key,
    metric: info.name,
    definition: info.definition,
    methodology: info.methodology,
    data_source: info.dataSource,
    unit: info.unit,
    polarity: info.polarity,
    frequency: info.frequency,
    decimals: info.decimals,
    period,
    period_label: formatPeriodLabel(period),
    period_start: start,
    period_end: end,
    actual: analysis.actual,
    target: analysis.target,
    tolerance: info.tolerance,
    status: PUBLIC_STATUS[analysis.status],
    signal: analysis.signal.text,
    trend: analysis.trend3.direction,
    centre_line: limits?.centre ?? null,
    lower_limit: limits?.lower ?? null,
    upper_limit: limits?.upper ?? null,
    ytd_actual: analysis.ytd?.actual ?? null,
    ytd_target: analysis.ytd?.target ?? null,
    goal: info.goal,
    priority: info.priority,
    // Only an off-target (or missing) value has an explanation worth publishing.
    explanation: explanation?.trim() ? explanation.trim() : null,
  };
}

/** The chart's points: every period of the analysis, with the signals the packet's chart marks. */
export function buildPublicSeries(
  analysis: MetricAnalysis,
  history: readonly { period: string; actual: number | null; target: number | null }[],
): PublicSeriesPoint[] {
  const byPeriod = new Map(history.map((h) => [h.period, h]));
  return analysis.periods.map((period, i) => ({
    period,
    actual: byPeriod.get(period)?.actual ?? null,
    target: byPeriod.get(period)?.target ?? null,
    signal: (analysis.process.points[i]?.rules.length ?? 0) > 0,
    band: currentBandAt(analysis, i),
  }));
}
