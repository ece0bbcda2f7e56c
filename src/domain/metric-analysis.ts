// Everything a packet or agenda says about one metric for its latest period, and the agenda order.
import { periodOrdinal, shiftPeriod } from './calendar/periods.js';
import { analyseProcess, type ProcessAnalysis, type VerdictKind } from './process-behaviour.js';
import { describeVerdict } from './signal-wording.js';
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
import type { SignalDirection, XmrRule } from './xmr.js';

export type MetricPoint = PeriodValue;

export interface AnalyseMetricInput {
  rule: Pick<MetricRule, 'polarity' | 'tolerance' | 'decimals'>;
  /** The metric's unit, for the signal sentence ("1.6 points a month"). */
  unit?: string;
  /** One frequency, any order; the last period is the one under review even if its actual is null. */
  points: readonly MetricPoint[];
  ytdAggregation: YtdAggregation;
  /** 1–12; default 1 (calendar year). Many US cities use 7 (July). */
  fiscalYearStartMonth?: number;
  /** An admin's `baseline_from`: the process is taken to start afresh at this period. */
  baselineFrom?: PeriodKey | null;
  /** Compare with the same period in earlier years; no automatic shift detection. */
  seasonal?: boolean;
}

/** The latest period's verdict, in a sentence and as facts the agenda ranks by. */
export interface MetricSignal {
  isSignal: boolean;
  kind: VerdictKind;
  direction: SignalDirection | null;
  rule: XmrRule | null;
  text: string;
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
  /** Process segments, per-period annotations (parallel to `periods`) and the latest verdict. */
  process: ProcessAnalysis;
  signal: MetricSignal;
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

/** Position of `baseline_from` in the series: 0 if it is before the first period, null if after the last. */
function pinPosition(periods: readonly PeriodKey[], from: PeriodKey): number | null {
  const first = periods[0];
  if (!first || periodOrdinal(from).frequency !== periodOrdinal(first).frequency) return null;
  const at = periodOrdinal(from).ordinal - periodOrdinal(first).ordinal;
  if (at >= periods.length) return null;
  return Math.max(0, at);
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
  const periods = series.map((_, i) => shiftPeriod(series[0]?.period ?? '', i));
  const pin = input.baselineFrom ? pinPosition(periods, input.baselineFrom) : null;
  const behaviour = analyseProcess(values, {
    polarity: rule.polarity,
    frequency,
    seasonal: input.seasonal ?? false,
    pinnedStart: pin,
  });
  const trendOptions = {
    polarity: rule.polarity,
    tolerance: rule.tolerance,
    averageMovingRange: behaviour.current?.limits?.averageMovingRange ?? null,
    target,
  };
  const status = classifyStatus(actual, target, rule);
  const text = describeVerdict(behaviour, {
    polarity: rule.polarity,
    unit: input.unit ?? '',
    decimals: rule.decimals,
    frequency,
    tolerance: rule.tolerance,
    periods,
    values,
    target,
    status,
  });
  return {
    period: latest?.period ?? null,
    frequency,
    periods,
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
    process: behaviour,
    signal: { ...behaviour.verdict, text },
    periodsOffTarget: countPeriodsOffTarget(series, rule),
  };
}

/** "Off target for 3 months"; null when the latest period is not off target. */
export function describeOffTargetRun(analysis: Pick<MetricAnalysis, 'periodsOffTarget' | 'frequency'>): string | null {
  const n = analysis.periodsOffTarget;
  if (n === 0) return null;
  const noun = analysis.frequency === 'quarterly' ? 'quarter' : analysis.frequency === 'weekly' ? 'week' : 'month';
  return `Off target for ${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Where a metric belongs on the agenda: worth the meeting's attention, worth recognising, or neither. */
export type AgendaSection = 'attention' | 'recognition';

type Rankable = Pick<MetricAnalysis, 'severity' | 'periodsOffTarget' | 'signal' | 'status'>;

/**
 * Attention: a signal that went the wrong way (or left a band), or a value off target. Recognition:
 * a signal or trend the good way on a metric that is not off target. Everything else: neither.
 */
export function agendaSectionOf(a: Rankable): AgendaSection | null {
  const s = a.signal;
  if ((s.isSignal && s.direction !== 'favourable') || a.status === 'off_target') return 'attention';
  if (s.isSignal && s.direction === 'favourable') return 'recognition';
  return null;
}

export interface AgendaScore {
  score: number;
  /** 2 per tolerance width off target, capped at 10 so one wild value or tiny tolerance can't swamp the rest. */
  severityPoints: number;
  /** 1 per consecutive period off target, capped at 6. */
  durationPoints: number;
  /** 20 for a wrong-way signal in the current process (more than the other two parts can reach
   * together, so it always comes first), 12 for a wrong-way trend, 10 for a value outside a
   * within-band metric's usual range, 0 for a good-way signal (those are recognised separately). */
  signalPoints: number;
}

function signalPointsOf(s: MetricSignal): number {
  if (!s.isSignal || s.direction === 'favourable') return 0;
  if (s.direction === 'neutral') return 10;
  return s.kind === 'trend' ? 12 : 20;
}

export function scoreAgendaItem(a: Pick<MetricAnalysis, 'severity' | 'periodsOffTarget' | 'signal'>): AgendaScore {
  const severityPoints = Math.min(Math.max(a.severity ?? 0, 0), 5) * 2;
  const durationPoints = Math.min(a.periodsOffTarget, 6);
  const signalPoints = signalPointsOf(a.signal);
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
