// Direction of travel over the last few periods, and the year-to-date figure.
import { firstMonthKey, periodOrdinal } from './calendar/periods.js';
import type { PeriodKey, Polarity } from './types.js';

export type TrendDirection = 'improving' | 'worsening' | 'flat' | 'unknown';

export interface Trend {
  /** Periods looked at (gaps included), e.g. 3 or 12. */
  window: number;
  pointsUsed: number;
  /** Least-squares slope in the metric's unit per period; null with too few points. */
  slope: number | null;
  /** Fitted change from the first to the last point used (slope × span). */
  change: number | null;
  movement: 'rising' | 'falling' | 'flat' | null;
  /** 'unknown': too few points, or a within_band metric with no target to move towards. */
  direction: TrendDirection;
}

export interface TrendOptions {
  polarity: Polarity;
  tolerance: number;
  /** mR̄ from the XmR limits: the "too small to matter" yardstick when the tolerance is 0. */
  averageMovingRange?: number | null;
  /** Needed for within_band only: moving towards the target is improving. */
  target?: number | null;
}

/** Least squares needs two points; a long window also needs half its periods filled. */
function minimumPoints(window: number): number {
  return Math.max(2, Math.ceil(window / 2));
}

/**
 * A fitted change no bigger than the tolerance (else mR̄, else 1% of the level) is 'flat': a drift
 * smaller than what the program calls "near" is not worth a word in a meeting.
 */
function flatBand(options: TrendOptions, level: number): number {
  if (options.tolerance > 0) return options.tolerance;
  if (options.averageMovingRange && options.averageMovingRange > 0) return options.averageMovingRange;
  return Math.abs(level) * 0.01;
}

function judge(movement: 'rising' | 'falling', start: number, end: number, options: TrendOptions): TrendDirection {
  if (options.polarity === 'within_band') {
    if (options.target === null || options.target === undefined) return 'unknown';
    const before = Math.abs(start - options.target);
    const after = Math.abs(end - options.target);
    return after < before ? 'improving' : after > before ? 'worsening' : 'flat';
  }
  return (movement === 'rising') === (options.polarity === 'higher_is_better') ? 'improving' : 'worsening';
}

/** Trend over the last `window` periods of `values` (oldest first; null = no value that period). */
export function computeTrend(values: readonly (number | null)[], window: number, options: TrendOptions): Trend {
  const xs: number[] = [];
  const ys: number[] = [];
  values.slice(-window).forEach((v, x) => {
    if (v === null || !Number.isFinite(v)) return;
    xs.push(x);
    ys.push(v);
  });
  const unknown: Trend = {
    window,
    pointsUsed: xs.length,
    slope: null,
    change: null,
    movement: null,
    direction: 'unknown',
  };
  if (xs.length < minimumPoints(window)) return unknown;
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  const sxy = xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] ?? my) - my), 0);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const slope = sxy / sxx;
  const first = xs[0] ?? 0;
  const last = xs[xs.length - 1] ?? 0;
  const change = slope * (last - first);
  if (Math.abs(change) <= flatBand(options, my) * (1 + 1e-9))
    return { ...unknown, slope, change, movement: 'flat', direction: 'flat' };
  const movement = change > 0 ? 'rising' : 'falling';
  const fitted = (x: number) => my + slope * (x - mx);
  return { ...unknown, slope, change, movement, direction: judge(movement, fitted(first), fitted(last), options) };
}

/**
 * How a metric's year-to-date figure is built:
 * - 'mean': average of the periods reported so far (rates, percentages, times);
 * - 'sum': total of the periods reported so far (counts, dollars);
 * - 'last': the latest value reported (stocks such as a backlog, or already-cumulative figures).
 */
export type YtdAggregation = 'mean' | 'sum' | 'last';

export interface YearToDate {
  aggregation: YtdAggregation;
  /** First month of the fiscal year containing the latest period, as YYYY-MM. */
  fiscalYearStart: string;
  /** Periods with an actual in the fiscal year so far; missing periods are skipped, not zero. */
  periodsCounted: number;
  actual: number | null;
  /** The targets of the same periods, aggregated the same way; null if any of them has no target. */
  target: number | null;
}

export interface PeriodValue {
  period: PeriodKey;
  actual: number | null;
  target: number | null;
}

/** A quarter counts from its first month, so monthly and quarterly keys compare on one scale. */
function monthOrdinal(period: PeriodKey): number {
  const { frequency, ordinal } = periodOrdinal(period);
  if (frequency === 'weekly') return periodOrdinal(firstMonthKey(period)).ordinal;
  return frequency === 'monthly' ? ordinal : ordinal * 3;
}

function aggregate(xs: readonly number[], kind: YtdAggregation): number | null {
  if (xs.length === 0) return null;
  if (kind === 'last') return xs[xs.length - 1] ?? null;
  const sum = xs.reduce((s, x) => s + x, 0);
  return kind === 'sum' ? sum : sum / xs.length;
}

/**
 * Year to date up to and including `latest`. A quarter belongs to the fiscal year its first month
 * falls in, so a fiscal year starting in a month other than Jan/Apr/Jul/Oct is approximate for
 * quarterly metrics.
 */
export function computeYearToDate(
  points: readonly PeriodValue[],
  latest: PeriodKey,
  aggregation: YtdAggregation,
  fiscalYearStartMonth = 1,
): YearToDate {
  if (!Number.isInteger(fiscalYearStartMonth) || fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
    throw new RangeError(`fiscal year start month must be 1–12, got ${fiscalYearStartMonth}`);
  }
  const end = monthOrdinal(latest);
  const calendarYear = Math.floor(end / 12);
  const startYear = (end % 12) + 1 >= fiscalYearStartMonth ? calendarYear : calendarYear - 1;
  const start = startYear * 12 + fiscalYearStartMonth - 1;
  const counted = points
    .filter((p) => p.actual !== null && monthOrdinal(p.period) >= start && monthOrdinal(p.period) <= end)
    .sort((a, b) => monthOrdinal(a.period) - monthOrdinal(b.period));
  const targets = counted.map((p) => p.target);
  const allTargets = targets.every((t): t is number => t !== null);
  return {
    aggregation,
    fiscalYearStart: `${String(startYear).padStart(4, '0')}-${String(fiscalYearStartMonth).padStart(2, '0')}`,
    periodsCounted: counted.length,
    actual: aggregate(
      counted.map((p) => p.actual ?? 0),
      aggregation,
    ),
    target: allTargets ? aggregate(targets, aggregation) : null,
  };
}

/**
 * The fiscal year's name, as US cities write it: named for the calendar year it ends in ("FY2027"
 * for July 2026 – June 2027); a calendar fiscal year is just the year ("2026").
 */
export function fiscalYearName(fiscalYearStart: string): string {
  const [year, month] = fiscalYearStart.split('-').map(Number);
  if (year === undefined || month === undefined) return fiscalYearStart;
  return month === 1 ? String(year) : `FY${year + 1}`;
}
