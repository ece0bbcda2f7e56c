// Does a value look like a typo? Asked once ("submit again to keep it"), never refused: a real
// outlier must still be recordable. Every value gets a check, even for a metric with no history,
// no bounds and no target: the reference is, in order, the metric's usual range (from its own
// history), its last value, its target; and percentages and counts have their natural bounds.

import { formatMetricNumber } from '../number-format.js';

export interface PlausibilityContext {
  unit: string;
  decimals: number;
  min: number | null;
  max: number | null;
  target: number | null;
  /** The metric's usual range from its own history, when there is enough of it. */
  usualRange: { lower: number; upper: number } | null;
  /** The most recent value reported, if any. */
  lastValue: number | null;
}

/** Two orders of magnitude: a slipped decimal point or a few extra digits, not a bad month. */
const FAR = 100;

export function describeUnusual(value: number, c: PlausibilityContext): string | null {
  const fmt = (n: number) => formatMetricNumber(n, c.decimals);
  const keep = ' Submit again to keep it.';
  const range = c.usualRange;
  if (range) {
    if (value >= range.lower && value <= range.upper) return null;
    const slipped = [value / 10, value * 10, value / 100, value * 100].some(
      (v) => v >= range.lower && v <= range.upper,
    );
    const hint = slipped ? ' Check the decimal point.' : '';
    return `${fmt(value)} is outside the usual range ${fmt(range.lower)}–${fmt(range.upper)}.${hint}${keep}`;
  }
  if (c.unit === '%' && c.max === null && value > 100) return `${fmt(value)}% is more than 100%.${keep}`;
  if (value < 0 && c.min === null && (c.unit === '%' || (c.target ?? 0) >= 0))
    return `${fmt(value)} is negative; this metric is normally zero or more.${keep}`;
  const reference = c.lastValue ?? c.target;
  if (reference !== null && reference !== 0 && value !== 0) {
    const ratio = Math.abs(value / reference);
    if (ratio >= FAR || ratio <= 1 / FAR) {
      const what = c.lastValue !== null ? 'the last value' : 'the target';
      return `${fmt(value)} is far from ${what} (${fmt(reference)}). Check the decimal point and the digits.${keep}`;
    }
  }
  return null;
}
