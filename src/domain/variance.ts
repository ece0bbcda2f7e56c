// Actual versus target: the variance, the traffic-light status and a polarity-aware "how far off".
// Status boundaries follow the tolerance semantics documented on MetricRule in ./types.ts.
import type { MetricRule, Polarity, Status } from './types.js';

export interface Variance {
  /** actual − target, in the metric's unit. */
  absolute: number;
  /** (actual − target) / |target| × 100, so its sign matches `absolute`; null when the target is 0. */
  percent: number | null;
}

type Judgement = Pick<MetricRule, 'polarity' | 'tolerance'>;

export function computeVariance(actual: number, target: number): Variance {
  const absolute = actual - target;
  return { absolute, percent: target === 0 ? null : (absolute / Math.abs(target)) * 100 };
}

// Entered values are decimals (94.9, 0.3), so |10.3 − 10| is 0.30000000000000071 in binary floating
// point. Without a little slack a value exactly on a boundary would drop a status.
function slackFor(target: number, tolerance: number): number {
  return 1e-9 * Math.max(1, Math.abs(target), Math.abs(tolerance));
}

/**
 * How far the actual sits on the bad side of the target, in the metric's unit (negative: on the
 * good side). For within_band the distance is measured from the edge of the band, so the same
 * thresholds apply to all polarities: ≤ 0 on target, ≤ tolerance near, beyond that off target.
 */
export function computeShortfall(actual: number, target: number, rule: Judgement): number {
  switch (rule.polarity) {
    case 'higher_is_better':
      return target - actual;
    case 'lower_is_better':
      return actual - target;
    case 'within_band':
      return Math.abs(actual - target) - rule.tolerance;
  }
}

export function classifyStatus(actual: number | null, target: number | null, rule: Judgement): Status {
  // Missing data comes first: without a value there is nothing to compare, target or not.
  if (actual === null || !Number.isFinite(actual)) return 'no_data';
  if (target === null || !Number.isFinite(target)) return 'no_target';
  const shortfall = computeShortfall(actual, target, rule);
  const slack = slackFor(target, rule.tolerance);
  if (shortfall <= slack) return 'on_target';
  if (shortfall <= rule.tolerance + slack) return 'near';
  return 'off_target';
}

/** True when the value is on the wrong side of the target (near counts): below it for
 * higher_is_better, above it for lower_is_better, outside the tolerance band for within_band. */
export function isWorseThanTarget(actual: number, target: number, rule: Judgement): boolean {
  return computeShortfall(actual, target, rule) > slackFor(target, rule.tolerance);
}

/** With no tolerance, severity is counted in steps of 5% of the target (or 1 unit when the target is 0). */
const FALLBACK_STEP_SHARE = 0.05;

/**
 * How far off, comparable across metrics with different units: the shortfall in tolerance widths.
 * 0 is exactly on target (or at the band's edge), 1 the edge between near and off target, 2 twice
 * as far; negative values are on the good side. Null when there is no actual or no target.
 */
export function computeSeverity(actual: number | null, target: number | null, rule: Judgement): number | null {
  if (actual === null || target === null || !Number.isFinite(actual) || !Number.isFinite(target)) return null;
  const step = rule.tolerance > 0 ? rule.tolerance : Math.abs(target) * FALLBACK_STEP_SHARE || 1;
  return computeShortfall(actual, target, rule) / step;
}

const STATUS_LABELS: Record<Status, string> = {
  on_target: 'On target',
  near: 'Near target',
  off_target: 'Off target',
  no_data: 'No data',
  no_target: 'No target',
};

/** The words for a status; charts and messages print them next to any colour. */
export function describeStatus(status: Status): string {
  return STATUS_LABELS[status];
}

/** "higher is better" — for legends and chart subtitles. */
export function describePolarity(polarity: Polarity): string {
  return polarity.replaceAll('_', ' ');
}
