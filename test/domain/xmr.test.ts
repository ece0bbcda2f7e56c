import { describe, expect, it } from 'vitest';
import { analyseXmr, computeXmrLimits, type XmrOptions } from '../../src/domain/xmr.js';

const up: XmrOptions = { polarity: 'higher_is_better', decimals: 1 };
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

  it('takes the baseline from the first or the last periods', () => {
    expect(computeXmrLimits([...BASE, 40, 50], { first: 5 })?.upper).toBeCloseTo(15.59, 10);
    expect(computeXmrLimits([100, 200, ...BASE], { last: 5 })?.upper).toBeCloseTo(15.59, 10);
    expect(() => computeXmrLimits(BASE, { first: 0 })).toThrow(RangeError);
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

describe('analyseXmr', () => {
  it('reads routine variation as such', () => {
    const r = analyseXmr(BASE, up);
    expect(r.points.every((p) => p.rules.length === 0)).toBe(true);
    expect(r.latest).toEqual({
      isSignal: false,
      rule: null,
      direction: null,
      text: 'Within normal variation (limits 7.6–15.6)',
    });
  });

  it('rule 1: a point beyond a limit, good or bad depending on polarity', () => {
    const series = [...BASE, 20]; // 20 > 15.59; its moving range 8 > 4.902 is also a large jump
    const r = analyseXmr(series, { ...up, baseline: { first: 5 } });
    expect(r.points[5]).toMatchObject({ rules: ['outside_limits'], direction: 'improvement', largeJump: true });
    expect(r.latest.text).toBe('Signal: latest value 20.0 is above the upper limit (15.6) — an improvement');
    const worse = analyseXmr(series, { ...up, polarity: 'lower_is_better', baseline: { first: 5 } });
    expect(worse.latest).toMatchObject({ isSignal: true, rule: 'outside_limits', direction: 'deterioration' });
    const low = analyseXmr([...BASE, 7], { ...up, polarity: 'lower_is_better', baseline: { first: 5 } });
    expect(low.latest.text).toBe('Signal: latest value 7.0 is below the lower limit (7.6) — an improvement');
  });

  it('rule 2: flags the 8th point in a row above the centre, not the 7th', () => {
    // Baseline 10, 14, 10: X̄ = 34/3 = 11.33; mR = 4, 4 → limits 11.33 ± 10.64 = 0.69 … 21.97.
    // Indices 3–10 alternate 13, 13.5: all above 11.33, never a rise or fall of six.
    const series = [10, 14, 10, 13, 13.5, 13, 13.5, 13, 13.5, 13, 13.5];
    const r = analyseXmr(series, { ...up, decimals: 0, baseline: { first: 3 } });
    expect(r.points[9]).toMatchObject({ sideRun: 7, rules: [] });
    expect(r.points[10]).toMatchObject({ sideRun: 8, rules: ['run_one_side'], direction: 'improvement' });
    expect(r.latest.text).toBe('Signal: 8 months in a row above the average — an improvement');
  });

  it('rule 2: a gap or a point on the centre line breaks the run', () => {
    const gap = [10, 14, 10, 13, 13.5, 13, null, 13.5, 13, 13.5, 13, 13.5];
    expect(analyseXmr(gap, { ...up, baseline: { first: 3 } }).latest.isSignal).toBe(false);
    // Centre of [10, 14] is 12; a 12 at index 5 resets the count.
    const onLine = [10, 14, 13, 13.5, 13, 12, 13.5, 13, 13.5, 13, 13.5, 13];
    const r = analyseXmr(onLine, { ...up, baseline: { first: 2 } });
    expect(r.points[5]).toMatchObject({ side: 'on', sideRun: 0 });
    expect(r.points[11]?.sideRun).toBe(6);
  });

  it('rule 3: flags the 6th point of a strictly rising run (five rises)', () => {
    // After the baseline: 11 (fall), then 12, 13, 14, 15, 15.5 — six points from 11, all below 15.59.
    const series = [...BASE, 11, 12, 13, 14, 15, 15.5];
    const r = analyseXmr(series, { ...up, baseline: { first: 5 } });
    expect(r.points[9]).toMatchObject({ slope: 'rising', slopeRun: 5, rules: [] });
    expect(r.points[10]).toMatchObject({ slopeRun: 6, rules: ['trend_run'] });
    expect(r.latest.text).toBe('Signal: 6 months in a row rising — an improvement');
    const down = analyseXmr(series, {
      ...up,
      polarity: 'lower_is_better',
      baseline: { first: 5 },
      frequency: 'quarterly',
    });
    expect(down.latest.text).toBe('Signal: 6 quarters in a row rising — a deterioration');
    expect(analyseXmr(series, { ...up, polarity: 'within_band', baseline: { first: 5 } }).latest).toMatchObject({
      direction: 'neutral',
      text: 'Signal: 6 months in a row rising',
    });
  });

  it('rule 3: a repeated value breaks the run', () => {
    const r = analyseXmr([1, 2, 3, 3, 4, 5, 6], up);
    expect(r.points.map((p) => p.slopeRun)).toEqual([1, 2, 3, 1, 2, 3, 4]);
  });

  it('handles an empty series, one point and a missing latest value', () => {
    expect(analyseXmr([], up)).toEqual({
      limits: null,
      points: [],
      latest: { isSignal: false, rule: null, direction: null, text: 'No value for the latest period' },
    });
    expect(analyseXmr([5], up).latest.text).toBe('Not enough data for process limits yet');
    expect(analyseXmr([...BASE, null], up).latest.text).toBe('No value for the latest period');
  });

  it('does not call any change a signal when the baseline has no variation', () => {
    const r = analyseXmr([7, 7, 7, 7, 7, 9], { ...up, decimals: 0, baseline: { first: 5 } });
    expect(r.limits?.collapsed).toBe(true);
    expect(r.points[5]?.rules).toEqual([]);
    expect(r.latest.text).toBe('No variation in the baseline (every value 7), so no limits');
  });
});
