// XmR (individuals and moving range) process behaviour chart, after Donald Wheeler: natural
// process limits for one process, and the run rules judged point by point. Which stretch of a
// metric's history counts as "one process" is decided in ./process-segments.ts; the sentences in
// ./signal-wording.ts.
//
// Choices, so the numbers can be checked by hand:
// - A missing value (null) is a gap: no moving range is taken across it and it breaks every run,
//   so "8 months in a row" is always literally true.
// - Limits need at least one moving range (two adjacent values); fewer gives `null`.
// - When every baseline value is equal, mR̄ = 0 and the limits collapse onto the centre line. Rule 1
//   is then switched off: with no measured variation any change would be an infinite-sigma "signal".
//   Rules 2 and 3 count points rather than distances, so they still apply.
// - A point exactly on the centre line breaks a run on one side; a repeated value breaks a rising
//   or falling run.
import type { Polarity } from './types.js';

export type XmrRule = 'outside_limits' | 'run_one_side' | 'trend_run';
/** Which way a signal moved, judged by the metric's polarity alone (targets come in the wording). */
export type SignalDirection = 'favourable' | 'unfavourable' | 'neutral';

/** Wheeler's scaling constants for individuals (2.66 = 3 / d2, d2 = 1.128) and ranges (D4 = 3.268). */
export const NATURAL_LIMIT_FACTOR = 2.66;
export const RANGE_LIMIT_FACTOR = 3.268;
export const D2 = 1.128;
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
  /** Which way the signal went for the metric's polarity; null when the point is no signal. */
  direction: SignalDirection | null;
  /** Moving range above the upper range limit: a sudden jump, reported but not a rule here. */
  largeJump: boolean;
}

/** The centre line and limits in force at one point (flat for a level, sloped for a trend). */
export interface XmrBand {
  centre: number;
  lower: number;
  upper: number;
  upperRangeLimit: number;
  collapsed: boolean;
}

export function movingRanges(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v, i) => {
    const prev = i > 0 ? values[i - 1] : null;
    return v === null || prev === null || prev === undefined ? null : Math.abs(v - prev);
  });
}

export const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
export const present = (xs: readonly (number | null)[]): number[] => xs.filter((x): x is number => x !== null);

/** Limits from every value given (the caller picks the baseline); null without a moving range. */
export function computeXmrLimits(values: readonly (number | null)[]): XmrLimits | null {
  const ranges = present(movingRanges(values));
  if (ranges.length === 0) return null;
  const centre = mean(present(values));
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

function rulesAt(value: number | null, shape: Shape, band: XmrBand | null, trendRule: boolean): XmrRule[] {
  const rules: XmrRule[] = [];
  if (value !== null && band && !band.collapsed && (value > band.upper || value < band.lower))
    rules.push('outside_limits');
  if (band && shape.sideRun >= RUN_LENGTH) rules.push('run_one_side');
  if (trendRule && shape.slopeRun >= TREND_LENGTH) rules.push('trend_run');
  return rules;
}

/** Up or down, turned into good or bad by the polarity; within_band has no good direction. */
export function directionOfMove(up: boolean, polarity: Polarity): SignalDirection {
  if (polarity === 'within_band') return 'neutral';
  return up === (polarity === 'higher_is_better') ? 'favourable' : 'unfavourable';
}

function upwards(value: number, shape: Shape, rule: XmrRule, band: XmrBand | null): boolean {
  if (rule === 'outside_limits') return value > (band?.upper ?? value);
  if (rule === 'run_one_side') return shape.side === 'above';
  return shape.slope === 'rising';
}

export interface AnnotateOptions {
  /** Rule 3 (six rising or falling in a row); off inside a trend, which is already the story. */
  trendRule?: boolean;
}

/**
 * Judges each value against the band in force at its position (`bandAt(i)`, i from 0). Runs start
 * afresh with the first value: call once per process segment.
 */
export function annotatePoints(
  values: readonly (number | null)[],
  bandAt: (i: number) => XmrBand | null,
  polarity: Polarity,
  options: AnnotateOptions = {},
): XmrPoint[] {
  const ranges = movingRanges(values);
  const points: XmrPoint[] = [];
  values.forEach((value, i) => {
    const band = bandAt(i);
    const shape = shapeAt(value, values[i - 1] ?? null, points[i - 1] ?? null, band?.centre ?? null);
    const rules = rulesAt(value, shape, band, options.trendRule ?? true);
    const first = rules[0];
    const movingRange = ranges[i] ?? null;
    const largeJump = movingRange !== null && !!band && !band.collapsed && movingRange > band.upperRangeLimit;
    const direction = value !== null && first ? directionOfMove(upwards(value, shape, first, band), polarity) : null;
    points.push({ value, movingRange, ...shape, rules, direction, largeJump });
  });
  return points;
}

/** One flat set of limits over the whole series (no segments): the textbook chart. */
export function annotateXmr(
  values: readonly (number | null)[],
  limits: XmrLimits | null,
  polarity: Polarity,
): XmrPoint[] {
  return annotatePoints(values, () => limits, polarity);
}
