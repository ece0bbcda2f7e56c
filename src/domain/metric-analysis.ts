// Everything a packet or agenda says about one metric for its latest period, and the agenda order.
import { periodOrdinal, shiftPeriod } from './calendar/periods.js';
import {
  computeTrend,
  computeYearToDate,
  type PeriodValue,
  type Trend,
  type YearToDate,
  type YtdAggregation,
} from './trend.js';
import type { Frequency, MetricRule, PeriodKey, Status } from './types.js';
import { classifyStatus, computeSeverity, computeVariance, describeStatus, type Variance } from './variance.js';
import { analyseXmr, type XmrBaseline, type XmrResult, type XmrSignalSummary } from './xmr.js';

export type MetricPoint = PeriodValue;

export interface AnalyseMetricInput {
  rule: Pick<MetricRule, 'polarity' | 'tolerance' | 'decimals'>;
  /** One frequency, any order; the last period is the one under review even if its actual is null. */
  points: readonly MetricPoint[];
  ytdAggregation: YtdAggregation;
  /** 1–12; default 1 (calendar year). Many US cities use 7 (July). */
  fiscalYearStartMonth?: number;
  xmrBaseline?: XmrBaseline;
}

export interface MetricAnalysis {
  period: PeriodKey | null;
  frequency: Frequency;
  /** Every period from the first point to the latest, gaps included; parallel to xmr.points. */
  periods: PeriodKey[];
  actual: number | null;
  target: number | null;
  variance: Variance | null;
  status: Status;
  statusLabel: string;
  /** Shortfall in tolerance widths (see computeSeverity); null without actual or target. */
  severity: number | null;
  trend3: Trend;
  trend12: Trend;
  ytd: YearToDate | null;
  /** Limits and per-period annotations over the whole series, gaps included as null. */
  xmr: XmrResult;
  signal: XmrSignalSummary;
  /** Consecutive periods off target ending with the latest (0 unless the latest is off target). */
  periodsOffTarget: number;
}

/** Lays the points out period by period; a period with no row becomes null so runs and slopes see the gap. */
function toSeries(points: readonly MetricPoint[]): { frequency: Frequency; series: (MetricPoint | null)[] } {
  const indexed = points.map((p) => ({ p, ...periodOrdinal(p.period) })).sort((a, b) => a.ordinal - b.ordinal);
  const first = indexed[0];
  if (!first) return { frequency: 'monthly', series: [] };
  if (indexed.some((x) => x.frequency !== first.frequency))
    throw new RangeError('a metric’s points must all be monthly or all quarterly');
  const last = indexed[indexed.length - 1] ?? first;
  const series: (MetricPoint | null)[] = Array.from({ length: last.ordinal - first.ordinal + 1 }, () => null);
  for (const x of indexed) {
    const slot = x.ordinal - first.ordinal;
    if (series[slot]) throw new RangeError(`period ${x.p.period} appears twice`);
    series[slot] = x.p;
  }
  return { frequency: first.frequency, series };
}

function countPeriodsOffTarget(series: readonly (MetricPoint | null)[], rule: AnalyseMetricInput['rule']): number {
  let n = 0;
  for (let i = series.length - 1; i >= 0; i--) {
    const p = series[i];
    if (!p || classifyStatus(p.actual, p.target, rule) !== 'off_target') break;
    n++;
  }
  return n;
}

export function analyseMetric(input: AnalyseMetricInput): MetricAnalysis {
  const { rule } = input;
  const { frequency, series } = toSeries(input.points);
  const latest = series[series.length - 1] ?? null;
  const actual = latest?.actual ?? null;
  const target = latest?.target ?? null;
  const values = series.map((p) => p?.actual ?? null);
  const xmr = analyseXmr(values, {
    polarity: rule.polarity,
    decimals: rule.decimals,
    frequency,
    baseline: input.xmrBaseline,
  });
  const trendOptions = {
    polarity: rule.polarity,
    tolerance: rule.tolerance,
    averageMovingRange: xmr.limits?.averageMovingRange ?? null,
    target,
  };
  const status = classifyStatus(actual, target, rule);
  return {
    period: latest?.period ?? null,
    frequency,
    periods: series.map((_, i) => shiftPeriod(series[0]?.period ?? '', i)),
    actual,
    target,
    variance: actual !== null && target !== null ? computeVariance(actual, target) : null,
    status,
    statusLabel: describeStatus(status),
    severity: computeSeverity(actual, target, rule),
    trend3: computeTrend(values, 3, trendOptions),
    trend12: computeTrend(values, 12, trendOptions),
    ytd: latest
      ? computeYearToDate(input.points, latest.period, input.ytdAggregation, input.fiscalYearStartMonth)
      : null,
    xmr,
    signal: xmr.latest,
    periodsOffTarget: countPeriodsOffTarget(series, rule),
  };
}

/** "Off target for 3 months"; null when the latest period is not off target. */
export function describeOffTargetRun(analysis: Pick<MetricAnalysis, 'periodsOffTarget' | 'frequency'>): string | null {
  const n = analysis.periodsOffTarget;
  if (n === 0) return null;
  const noun = analysis.frequency === 'quarterly' ? 'quarter' : 'month';
  return `Off target for ${n} ${noun}${n === 1 ? '' : 's'}`;
}

export interface AgendaScore {
  score: number;
  /** 2 per tolerance width off target, capped at 10 so one wild value or tiny tolerance can't swamp the rest. */
  severityPoints: number;
  /** 1 per consecutive period off target, capped at 6. */
  durationPoints: number;
  /** 20 for a deterioration signal (more than the other two parts can reach together, so it always
   * comes first), 3 for an improvement or neutral signal (worth hearing how it was done). */
  signalPoints: number;
}

export function scoreAgendaItem(a: Pick<MetricAnalysis, 'severity' | 'periodsOffTarget' | 'signal'>): AgendaScore {
  const severityPoints = Math.min(Math.max(a.severity ?? 0, 0), 5) * 2;
  const durationPoints = Math.min(a.periodsOffTarget, 6);
  const signalPoints = !a.signal.isSignal ? 0 : a.signal.direction === 'deterioration' ? 20 : 3;
  return { score: severityPoints + durationPoints + signalPoints, severityPoints, durationPoints, signalPoints };
}

/**
 * Agenda order: highest score first (see AgendaScore), then the larger severity; otherwise the
 * input order is kept (sort is stable). Metrics with no data or no target score only on signals.
 */
export function rankAgendaItems<T extends Pick<MetricAnalysis, 'severity' | 'periodsOffTarget' | 'signal'>>(
  analyses: readonly T[],
): T[] {
  const scored = analyses.map((a) => ({ a, score: scoreAgendaItem(a).score }));
  const severity = (a: T) => a.severity ?? Number.MIN_SAFE_INTEGER;
  scored.sort((x, y) => y.score - x.score || severity(y.a) - severity(x.a));
  return scored.map((s) => s.a);
}
