// XmR (individuals and moving range) process behaviour chart, after Donald Wheeler: natural
// process limits from a series, three run rules, and one sentence about the latest value.
//
// Choices, so the numbers can be checked by hand:
// - A missing value (null) is a gap: no moving range is taken across it and it breaks every run,
//   so "8 months in a row" is always literally true.
// - Limits need at least one moving range (two adjacent values); fewer gives `limits: null`.
// - When every baseline value is equal, mR̄ = 0 and the limits collapse onto the centre line. Rule 1
//   is then switched off: with no measured variation any change would be an infinite-sigma "signal".
//   Rules 2 and 3 count points rather than distances, so they still apply.
// - A point exactly on the centre line breaks a run on one side; a repeated value breaks a rising
//   or falling run.
import { formatMetricNumber } from './number-format.js';
import type { Frequency, Polarity } from './types.js';

export type XmrRule = 'outside_limits' | 'run_one_side' | 'trend_run';
export type SignalDirection = 'improvement' | 'deterioration' | 'neutral';
/** Which periods (positions in the series, gaps included) set the limits; default: all of them. */
export type XmrBaseline = { first: number } | { last: number };

/** Wheeler's scaling constants for individuals (2.66 = 3 / d2, d2 = 1.128) and ranges (D4 = 3.268). */
export const NATURAL_LIMIT_FACTOR = 2.66;
export const RANGE_LIMIT_FACTOR = 3.268;
/** Rule 2: this many points in a row strictly on one side of the centre line. */
export const RUN_LENGTH = 8;
/** Rule 3: this many points in a row, each strictly above (or below) the one before: 6 points, 5 steps. */
export const TREND_LENGTH = 6;

export interface XmrLimits {
  centre: number;
  averageMovingRange: number;
  lower: number;
  upper: number;
  upperRangeLimit: number;
  /** True when mR̄ = 0: limits equal the centre and rule 1 is not applied. */
  collapsed: boolean;
}

export interface XmrPoint {
  value: number | null;
  movingRange: number | null;
  side: 'above' | 'below' | 'on' | null;
  /** Points in a row on this side of the centre, this one included (0 on the line or in a gap). */
  sideRun: number;
  slope: 'rising' | 'falling' | null;
  /** Points in the strictly rising/falling run ending here, this one included. */
  slopeRun: number;
  /** Rules this point triggers, strongest first. */
  rules: XmrRule[];
  /** The signal's meaning given the polarity; null when the point is no signal. */
  direction: SignalDirection | null;
  /** Moving range above the upper range limit: a sudden jump, reported but not a rule here. */
  largeJump: boolean;
}

export interface XmrSignalSummary {
  isSignal: boolean;
  rule: XmrRule | null;
  direction: SignalDirection | null;
  text: string;
}

export interface XmrResult {
  limits: XmrLimits | null;
  points: XmrPoint[];
  latest: XmrSignalSummary;
}

export interface XmrOptions {
  polarity: Polarity;
  decimals: number;
  frequency?: Frequency;
  baseline?: XmrBaseline;
}

function pickBaseline(values: readonly (number | null)[], baseline?: XmrBaseline): readonly (number | null)[] {
  if (!baseline) return values;
  const n = 'first' in baseline ? baseline.first : baseline.last;
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`an XmR baseline needs a whole number of periods ≥ 1, got ${n}`);
  return 'first' in baseline ? values.slice(0, n) : values.slice(-n);
}

function movingRanges(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v, i) => {
    const prev = i > 0 ? values[i - 1] : null;
    return v === null || prev === null || prev === undefined ? null : Math.abs(v - prev);
  });
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const present = (xs: readonly (number | null)[]): number[] => xs.filter((x): x is number => x !== null);

export function computeXmrLimits(values: readonly (number | null)[], baseline?: XmrBaseline): XmrLimits | null {
  const base = pickBaseline(values, baseline);
  const ranges = present(movingRanges(base));
  if (ranges.length === 0) return null;
  const centre = mean(present(base));
  const mr = mean(ranges);
  const spread = NATURAL_LIMIT_FACTOR * mr;
  return {
    centre,
    averageMovingRange: mr,
    lower: centre - spread,
    upper: centre + spread,
    upperRangeLimit: RANGE_LIMIT_FACTOR * mr,
    collapsed: mr === 0,
  };
}

type Shape = Pick<XmrPoint, 'side' | 'sideRun' | 'slope' | 'slopeRun'>;

function shapeAt(value: number | null, prevValue: number | null, prev: Shape | null, centre: number | null): Shape {
  if (value === null) return { side: null, sideRun: 0, slope: null, slopeRun: 0 };
  const side = centre === null ? null : value > centre ? 'above' : value < centre ? 'below' : 'on';
  const sideRun = side === null || side === 'on' ? 0 : prev?.side === side ? prev.sideRun + 1 : 1;
  const slope = prevValue === null || value === prevValue ? null : value > prevValue ? 'rising' : 'falling';
  // A new rising/falling run starts at the previous point, so it already has two points.
  const slopeRun = slope === null ? 1 : prev?.slope === slope ? prev.slopeRun + 1 : 2;
  return { side, sideRun, slope, slopeRun };
}

function rulesAt(value: number | null, shape: Shape, limits: XmrLimits | null): XmrRule[] {
  const rules: XmrRule[] = [];
  if (value !== null && limits && !limits.collapsed && (value > limits.upper || value < limits.lower))
    rules.push('outside_limits');
  if (shape.sideRun >= RUN_LENGTH) rules.push('run_one_side');
  if (shape.slopeRun >= TREND_LENGTH) rules.push('trend_run');
  return rules;
}

function directionOf(
  value: number,
  shape: Shape,
  rule: XmrRule,
  limits: XmrLimits | null,
  polarity: Polarity,
): SignalDirection {
  const up =
    rule === 'outside_limits'
      ? value > (limits?.upper ?? value)
      : rule === 'run_one_side'
        ? shape.side === 'above'
        : shape.slope === 'rising';
  if (polarity === 'within_band') return 'neutral'; // up or down is only good relative to the band
  return up === (polarity === 'higher_is_better') ? 'improvement' : 'deterioration';
}

export function annotateXmr(
  values: readonly (number | null)[],
  limits: XmrLimits | null,
  polarity: Polarity,
): XmrPoint[] {
  const ranges = movingRanges(values);
  const points: XmrPoint[] = [];
  values.forEach((value, i) => {
    const shape = shapeAt(value, values[i - 1] ?? null, points[i - 1] ?? null, limits?.centre ?? null);
    const rules = rulesAt(value, shape, limits);
    const first = rules[0];
    const movingRange = ranges[i] ?? null;
    const largeJump = movingRange !== null && !!limits && !limits.collapsed && movingRange > limits.upperRangeLimit;
    const direction = value !== null && first ? directionOf(value, shape, first, limits, polarity) : null;
    points.push({ value, movingRange, ...shape, rules, direction, largeJump });
  });
  return points;
}

function describeSignal(
  point: XmrPoint & { value: number },
  rule: XmrRule,
  limits: XmrLimits | null,
  options: XmrOptions,
): string {
  const fmt = (n: number) => formatMetricNumber(n, options.decimals);
  const noun = options.frequency === 'quarterly' ? 'quarters' : 'months';
  if (rule === 'run_one_side') return `${point.sideRun} ${noun} in a row ${point.side} the average`;
  if (rule === 'trend_run') return `${point.slopeRun} ${noun} in a row ${point.slope}`;
  const [edge, limit] = point.value > (limits?.centre ?? 0) ? ['upper', limits?.upper] : ['lower', limits?.lower];
  return `latest value ${fmt(point.value)} is ${edge === 'upper' ? 'above' : 'below'} the ${edge} limit (${fmt(limit ?? 0)})`;
}

function describeLatest(point: XmrPoint | undefined, limits: XmrLimits | null, options: XmrOptions): XmrSignalSummary {
  const fmt = (n: number) => formatMetricNumber(n, options.decimals);
  const none = (text: string): XmrSignalSummary => ({ isSignal: false, rule: null, direction: null, text });
  if (!point || point.value === null) return none('No value for the latest period');
  const rule = point.rules[0];
  if (!rule) {
    if (!limits) return none('Not enough data for process limits yet');
    if (limits.collapsed) return none(`No variation in the baseline (every value ${fmt(limits.centre)}), so no limits`);
    return none(`Within normal variation (limits ${fmt(limits.lower)}–${fmt(limits.upper)})`);
  }
  const meaning =
    point.direction === 'improvement'
      ? ' — an improvement'
      : point.direction === 'deterioration'
        ? ' — a deterioration'
        : '';
  return {
    isSignal: true,
    rule,
    direction: point.direction,
    text: `Signal: ${describeSignal({ ...point, value: point.value }, rule, limits, options)}${meaning}`,
  };
}

/** Limits (from the baseline), per-point annotations and the latest value's verdict. */
export function analyseXmr(values: readonly (number | null)[], options: XmrOptions): XmrResult {
  const limits = computeXmrLimits(values, options.baseline);
  const points = annotateXmr(values, limits, options.polarity);
  return { limits, points, latest: describeLatest(points[points.length - 1], limits, options) };
}
