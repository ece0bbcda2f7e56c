// Which stretches of a metric's history were one process. Limits taken across a change (a new
// crew, a new system, a policy) describe no process at all, so the history is split where the
// process changed and every segment gets its own centre line and limits. The rules, in the order
// they are applied to each segment (oldest first, the way an analyst reads a chart):
//
// 1. Pinned: an admin's `baseline_from` always starts a new segment; detection never moves it.
// 2. Evidence of a shift, judged against the segment's baseline (its first BASELINE_MAX_POINTS
//    values): a run of RUN_LENGTH (8) values on one side of the centre line, or a clear step — a
//    value beyond a limit whose next STEP_CONFIRM_POINTS values stay on its side of the centre
//    with at least one more beyond the same limit.
// 3. Trend or step: when the segment is explained better by a straight line than by any single
//    step (smaller residual sum of squares) and the line is clear (≥ MIN_TREND_POINTS values,
//    slope t ≥ MIN_TREND_T, total change ≥ MIN_TREND_SIGMAS residual σ), the whole segment is a
//    trend: its centre is the fitted line and its limits run parallel to it (Wheeler's trended
//    limits, ± 2.66 mR̄).
// 4. Otherwise the split goes where a two-level fit is best (each side keeping at least
//    STEP_CONFIRM_POINTS + 1 values), and only if the two levels differ by ≥ MIN_SHIFT_SIGMAS σ
//    (σ = mR̄/1.128, leaving out the jump itself): a run of 8 that moved the average by a hair is
//    chance, not a new process. Both parts are then examined the same way.
// 5. Limits need MIN_LIMIT_POINTS (6) values in a segment; below FIRM_LIMIT_POINTS (15) they are
//    provisional. The latest value of the series is judged, never part of its own baseline: in the
//    current segment the limits come from the values before it. Seasonal metrics are not split
//    automatically: their swings are not shifts.
import {
  computeXmrLimits,
  D2,
  mean,
  movingRanges,
  NATURAL_LIMIT_FACTOR,
  present,
  RUN_LENGTH,
  type XmrBand,
  type XmrLimits,
} from './xmr.js';

export const MIN_LIMIT_POINTS = 6;
export const FIRM_LIMIT_POINTS = 15;
export const BASELINE_MAX_POINTS = 20;
export const STEP_CONFIRM_POINTS = 3;
export const MIN_SHIFT_SIGMAS = 1.25;
export const MIN_TREND_POINTS = 10;
export const MIN_TREND_T = 3;
export const MIN_TREND_SIGMAS = 2;

export type SegmentStart = 'series_start' | 'pinned' | 'run' | 'step';
export type LimitsQuality = 'none' | 'provisional' | 'firm';

export interface TrendLine {
  /** Change per period, in the metric's unit. */
  slope: number;
  /** The fitted centre at the segment's first position. */
  intercept: number;
  tStatistic: number;
}

export interface ProcessSegment {
  /** Positions in the series, [start, end). */
  start: number;
  end: number;
  startedBy: SegmentStart;
  /** Values the limits rest on: those present in the segment, less the series' latest value. */
  count: number;
  quality: LimitsQuality;
  /** Level: centre and limits. Trend: centre is the mean, the band follows `trend`. Null below MIN_LIMIT_POINTS. */
  limits: XmrLimits | null;
  trend: TrendLine | null;
  /** Mean of every value in the segment (reported even when there are too few for limits). */
  average: number | null;
}

type Values = readonly (number | null)[];

function qualityOf(count: number): LimitsQuality {
  return count < MIN_LIMIT_POINTS ? 'none' : count < FIRM_LIMIT_POINTS ? 'provisional' : 'firm';
}

function baselineLimits(values: Values, s: number, e: number): XmrLimits | null {
  const slice = values.slice(s, e);
  let seen = 0;
  let cut = slice.length;
  for (let i = 0; i < slice.length; i++) {
    if (slice[i] !== null && ++seen === BASELINE_MAX_POINTS) {
      cut = i + 1;
      break;
    }
  }
  return computeXmrLimits(slice.slice(0, cut));
}

function levelSegment(values: Values, s: number, e: number, startedBy: SegmentStart): ProcessSegment {
  const xs = present(values.slice(s, e));
  // The series' latest value is the one under review: its segment's limits come from the others.
  const baseEnd = e === values.length && values[e - 1] !== null ? e - 1 : e;
  const baseCount = present(values.slice(s, baseEnd)).length;
  const quality = qualityOf(baseCount);
  return {
    start: s,
    end: e,
    startedBy,
    count: baseCount,
    quality,
    limits: quality === 'none' ? null : baselineLimits(values, s, baseEnd),
    trend: null,
    average: xs.length ? mean(xs) : null,
  };
}

interface LineFit {
  slope: number;
  intercept: number;
  rss: number;
  n: number;
  t: number;
  span: number;
}

export function fitLine(values: Values, s: number, e: number): LineFit | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = s; i < e; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    xs.push(i - s);
    ys.push(v);
  }
  const n = xs.length;
  if (n < 3) return null;
  const mx = mean(xs);
  const my = mean(ys);
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] ?? my) - my), 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const rss = ys.reduce((a, y, i) => a + (y - intercept - slope * (xs[i] ?? 0)) ** 2, 0);
  const se = Math.sqrt(rss / (n - 2) / sxx);
  const t = se === 0 ? (slope === 0 ? 0 : Number.POSITIVE_INFINITY) : Math.abs(slope) / se;
  return { slope, intercept, rss, n, t, span: (xs[n - 1] ?? 0) - (xs[0] ?? 0) };
}

/** Residual sum of squares of two levels, [s, k) and [k, e); null unless both sides have a value. */
function stepRss(values: Values, s: number, k: number, e: number): number | null {
  const left = rssOfRange(values, s, k);
  const right = rssOfRange(values, k, e);
  return left === null || right === null ? null : left + right;
}

/**
 * Squared distances from their mean of the values in [s, e), null when there is none: summed in
 * order with loops rather than slices and reduce (bestSplit asks for every split of a segment:
 * those copies were the largest self-time of an agenda's analysis).
 */
function rssOfRange(values: Values, s: number, e: number): number | null {
  let n = 0;
  let sum = 0;
  for (let i = s; i < e; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    sum += v;
    n++;
  }
  if (n === 0) return null;
  const m = sum / n;
  let rss = 0;
  for (let i = s; i < e; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) rss += (v - m) ** 2;
  }
  return rss;
}

/** The split k in [from, to] with the smallest two-level residual over [s, e). */
function bestSplit(values: Values, s: number, from: number, to: number, e: number): { k: number; rss: number } | null {
  let best: { k: number; rss: number } | null = null;
  for (let k = Math.max(from, s + 1); k <= Math.min(to, e - 1); k++) {
    const rss = stepRss(values, s, k, e);
    if (rss !== null && (!best || rss < best.rss)) best = { k, rss };
  }
  return best;
}

/** σ from the average moving range, leaving out the one across a candidate split. */
function sigmaWithout(values: Values, s: number, e: number, split: number): number {
  const ranges = movingRanges(values.slice(s, e)).filter((_, i) => i !== split - s);
  const rs = present(ranges);
  return rs.length ? mean(rs) / D2 : 0;
}

type Evidence = { at: number; kind: 'run' | 'step' };

function sideOf(v: number, centre: number): 'above' | 'below' | null {
  return v > centre ? 'above' : v < centre ? 'below' : null;
}

function confirmedStep(values: Values, i: number, e: number, l: XmrLimits): boolean {
  const v = values[i];
  if (v === null || v === undefined || l.collapsed || (v <= l.upper && v >= l.lower)) return false;
  const up = v > l.upper;
  const next = values.slice(i + 1, i + 1 + STEP_CONFIRM_POINTS);
  if (i + STEP_CONFIRM_POINTS >= e || next.length < STEP_CONFIRM_POINTS) return false;
  if (!next.every((x) => x !== null && sideOf(x, l.centre) === (up ? 'above' : 'below'))) return false;
  return next.some((x) => x !== null && (up ? x > l.upper : x < l.lower));
}

/** The first sign that the process changed after s, judged against the segment's baseline. */
function findEvidence(values: Values, s: number, e: number, l: XmrLimits): Evidence | null {
  let side: 'above' | 'below' | null = null;
  let runStart = s;
  let count = 0;
  for (let i = s; i < e; i++) {
    const v = values[i];
    const sd = v === null || v === undefined ? null : sideOf(v, l.centre);
    if (sd !== side || sd === null) {
      // A run of RUN_LENGTH from the very start ends here: the change is where it broke.
      if (count >= RUN_LENGTH && runStart === s && sd !== null) return { at: i, kind: 'run' };
      side = sd;
      runStart = i;
      count = sd === null ? 0 : 1;
    } else count++;
    if (count === RUN_LENGTH && runStart > s) return { at: runStart, kind: 'run' };
    if (i > s && confirmedStep(values, i, e, l)) return { at: i, kind: 'step' };
  }
  return null;
}

function trendSegment(values: Values, s: number, e: number, startedBy: SegmentStart): ProcessSegment | null {
  const fit = fitLine(values, s, e);
  if (!fit || fit.n < MIN_TREND_POINTS || fit.t < MIN_TREND_T) return null;
  const residualSigma = Math.sqrt(fit.rss / (fit.n - 2));
  if (Math.abs(fit.slope * fit.span) < MIN_TREND_SIGMAS * residualSigma) return null;
  const best = bestSplit(values, s, s + 3, e - 3, e);
  if (best && best.rss < fit.rss) return null;
  const level = levelSegment(values, s, e, startedBy);
  const mr = mean(present(movingRanges(values.slice(s, e))));
  const centre = mean(present(values.slice(s, e)));
  const spread = NATURAL_LIMIT_FACTOR * mr;
  return {
    ...level,
    limits: {
      centre,
      averageMovingRange: mr,
      lower: centre - spread,
      upper: centre + spread,
      upperRangeLimit: 3.268 * mr,
      collapsed: mr === 0,
    },
    trend: { slope: fit.slope, intercept: fit.intercept, tStatistic: fit.t },
  };
}

/** Each side of a split keeps this many values: a step is only believed once values after it confirm it. */
const MIN_SIDE = STEP_CONFIRM_POINTS + 1;

/**
 * Binary segmentation: where the segment shows evidence of a change, split at the best two-level
 * fit, if the two levels differ materially, then look again inside each part.
 */
function segmentRange(values: Values, s: number, e: number, startedBy: SegmentStart): ProcessSegment[] {
  const trend = trendSegment(values, s, e, startedBy);
  if (trend) return [trend];
  const level = levelSegment(values, s, e, startedBy);
  const base = baselineLimits(values, s, e);
  const evidence = base ? findEvidence(values, s, e, base) : null;
  if (!evidence) return [level];
  const split = bestSplit(values, s, s + MIN_SIDE, e - MIN_SIDE, e);
  if (!split) return [level];
  const before = present(values.slice(s, split.k));
  const after = present(values.slice(split.k, e));
  if (before.length < MIN_SIDE || after.length < MIN_SIDE) return [level];
  const sigma = sigmaWithout(values, s, e, split.k);
  if (Math.abs(mean(after) - mean(before)) < MIN_SHIFT_SIGMAS * sigma) return [level];
  return [...segmentRange(values, s, split.k, startedBy), ...segmentRange(values, split.k, e, evidence.kind)];
}

export interface SegmentOptions {
  /** Position where an admin pinned a new baseline (`baseline_from`); ignored outside (0, length). */
  pinnedStart?: number | null;
  /** False for seasonal metrics: one segment (or two around a pin), no detection. */
  detect?: boolean;
}

/** The series split into process segments, oldest first; empty for an empty series. */
export function findProcessSegments(values: Values, options: SegmentOptions = {}): ProcessSegment[] {
  const n = values.length;
  if (n === 0) return [];
  const pin = options.pinnedStart;
  const ranges: [number, number, SegmentStart][] =
    pin !== null && pin !== undefined && pin > 0 && pin < n
      ? [
          [0, pin, 'series_start'],
          [pin, n, 'pinned'],
        ]
      : [[0, n, pin === 0 ? 'pinned' : 'series_start']];
  return ranges.flatMap(([s, e, by]) =>
    options.detect === false ? [levelSegment(values, s, e, by)] : segmentRange(values, s, e, by),
  );
}

/** The centre line and limits in force at position i of the series; null where the segment has none. */
export function bandAt(segment: ProcessSegment, i: number): XmrBand | null {
  const l = segment.limits;
  if (!l) return null;
  const centre = segment.trend ? segment.trend.intercept + segment.trend.slope * (i - segment.start) : l.centre;
  const half = l.upper - l.centre;
  return {
    centre,
    lower: centre - half,
    upper: centre + half,
    upperRangeLimit: l.upperRangeLimit,
    collapsed: l.collapsed,
  };
}
