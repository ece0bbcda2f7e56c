import { describe, expect, it } from 'vitest';
import type { Polarity } from '../../src/domain/types.js';
import { annotateXmr, computeXmrLimits } from '../../src/domain/xmr.js';

const BASE = [10, 12, 11, 13, 12];

describe('computeXmrLimits', () => {
  it('follows Wheeler on a hand-computed series', () => {
    // mR = |12−10|, |11−12|, |13−11|, |12−13| = 2, 1, 2, 1 → mR̄ = 6/4 = 1.5
    // X̄ = (10+12+11+13+12)/5 = 58/5 = 11.6
    // UNPL = 11.6 + 2.66 × 1.5 = 11.6 + 3.99 = 15.59; LNPL = 11.6 − 3.99 = 7.61; URL = 3.268 × 1.5 = 4.902
    const l = computeXmrLimits(BASE);
    expect(l?.centre).toBeCloseTo(11.6, 10);
    expect(l?.averageMovingRange).toBeCloseTo(1.5, 10);
    expect(l?.upper).toBeCloseTo(15.59, 10);
    expect(l?.lower).toBeCloseTo(7.61, 10);
    expect(l?.upperRangeLimit).toBeCloseTo(4.902, 10);
    expect(l?.collapsed).toBe(false);
  });

  it('needs two adjacent values: none for an empty series, one point, or values split by gaps', () => {
    expect(computeXmrLimits([])).toBeNull();
    expect(computeXmrLimits([5])).toBeNull();
    expect(computeXmrLimits([5, null, 7])).toBeNull();
  });

  it('takes no moving range across a gap', () => {
    // mR = |12−10| = 2 and |20−19| = 1 (none across the gap) → mR̄ = 1.5; X̄ = 61/4 = 15.25
    const l = computeXmrLimits([10, 12, null, 19, 20]);
    expect(l?.averageMovingRange).toBeCloseTo(1.5, 10);
    expect(l?.centre).toBeCloseTo(15.25, 10);
  });

  it('collapses the limits when every value is equal', () => {
    expect(computeXmrLimits([7, 7, 7, 7])).toEqual({
      centre: 7,
      averageMovingRange: 0,
      lower: 7,
      upper: 7,
      upperRangeLimit: 0,
      collapsed: true,
    });
  });
});

/** Rules judged against limits fixed from the first `baseline` values (the segment's baseline). */
const judge = (series: (number | null)[], baseline: number, polarity: Polarity = 'higher_is_better') =>
  annotateXmr(series, computeXmrLimits(series.slice(0, baseline)), polarity);

describe('annotateXmr', () => {
  it('reads routine variation as such', () => {
    expect(judge(BASE, 5).every((p) => p.rules.length === 0)).toBe(true);
  });

  it('rule 1: a point beyond a limit, favourable or not depending on polarity', () => {
    const series = [...BASE, 20]; // 20 > 15.59; its moving range 8 > 4.902 is also a large jump
    expect(judge(series, 5)[5]).toMatchObject({ rules: ['outside_limits'], direction: 'favourable', largeJump: true });
    expect(judge(series, 5, 'lower_is_better')[5]).toMatchObject({ direction: 'unfavourable' });
    expect(judge([...BASE, 7], 5, 'lower_is_better')[5]).toMatchObject({
      rules: ['outside_limits'],
      direction: 'favourable',
    });
    expect(judge(series, 5, 'within_band')[5]?.direction).toBe('neutral');
  });

  it('rule 2: flags the 8th point in a row above the centre, not the 7th', () => {
    // Baseline 10, 14, 10: X̄ = 34/3 = 11.33; mR = 4, 4 → limits 11.33 ± 10.64 = 0.69 … 21.97.
    // Indices 3–10 alternate 13, 13.5: all above 11.33, never a rise or fall of six.
    const r = judge([10, 14, 10, 13, 13.5, 13, 13.5, 13, 13.5, 13, 13.5], 3);
    expect(r[9]).toMatchObject({ sideRun: 7, rules: [] });
    expect(r[10]).toMatchObject({ sideRun: 8, rules: ['run_one_side'], direction: 'favourable' });
  });

  it('rule 2: a gap or a point on the centre line breaks the run', () => {
    const gap = judge([10, 14, 10, 13, 13.5, 13, null, 13.5, 13, 13.5, 13, 13.5], 3);
    expect(gap.every((p) => !p.rules.includes('run_one_side'))).toBe(true);
    // Centre of [10, 14] is 12; a 12 at index 5 resets the count.
    const r = judge([10, 14, 13, 13.5, 13, 12, 13.5, 13, 13.5, 13, 13.5, 13], 2);
    expect(r[5]).toMatchObject({ side: 'on', sideRun: 0 });
    expect(r[11]?.sideRun).toBe(6);
  });

  it('rule 3: flags the 6th point of a strictly rising run (five rises)', () => {
    // After the baseline: 11 (fall), then 12, 13, 14, 15, 15.5 — six points from 11, all below 15.59.
    const series = [...BASE, 11, 12, 13, 14, 15, 15.5];
    const r = judge(series, 5);
    expect(r[9]).toMatchObject({ slope: 'rising', slopeRun: 5, rules: [] });
    expect(r[10]).toMatchObject({ slopeRun: 6, rules: ['trend_run'], direction: 'favourable' });
    expect(judge(series, 5, 'lower_is_better')[10]?.direction).toBe('unfavourable');
  });

  it('rule 3: a repeated value breaks the run', () => {
    expect(judge([1, 2, 3, 3, 4, 5, 6], 7).map((p) => p.slopeRun)).toEqual([1, 2, 3, 1, 2, 3, 4]);
  });

  it('does not call any change a signal when the baseline has no variation', () => {
    const r = judge([7, 7, 7, 7, 7, 9], 5);
    expect(r[5]?.rules).toEqual([]);
  });
});
