// Hand-computed cases for each rule that splits a history into process segments.
import { describe, expect, it } from 'vitest';
import { bandAt, findProcessSegments, type ProcessSegment } from '../../src/domain/process-segments.js';

const shape = (segs: ProcessSegment[]) => segs.map((s) => [s.start, s.end, s.startedBy, s.quality]);
const alternate = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? b : a));

// Ten values alternating 10/11, then eight alternating 12/13.
const RUN_SHIFT = [...alternate(10, 11, 10), ...alternate(12, 13, 8)];

describe('findProcessSegments', () => {
  it('splits at a run of 8 on one side of the centre line', () => {
    // Baseline = all 18 values: X̄ = (105 + 100) / 18 = 11.39; mR̄ = 1, so limits 8.73–14.05 and no
    // point beyond them. The first ten sit below 11.39, the last eight above: the split goes where
    // two levels fit best (k = 10; RSS 10 × 0.25 + 8 × 0.25 = 4.5), and the levels differ by
    // 12.5 − 10.5 = 2 ≥ 1.25 σ (σ = 1 / 1.128 = 0.89).
    const segs = findProcessSegments(RUN_SHIFT);
    expect(shape(segs)).toEqual([
      [0, 10, 'series_start', 'provisional'],
      [10, 18, 'run', 'provisional'],
    ]);
    // The current segment's limits leave out the latest value: 12,13,12,13,12,13,12 → X̄ 87/7, mR̄ 1.
    const current = segs[1]!;
    expect(current.count).toBe(7);
    expect(current.limits?.centre).toBeCloseTo(87 / 7, 10);
    expect(current.limits?.upper).toBeCloseTo(87 / 7 + 2.66, 10);
    expect(current.average).toBeCloseTo(12.5, 10); // every value in the segment
    // The earlier segment keeps its own limits: X̄ 10.5 ± 2.66.
    expect(segs[0]?.limits?.lower).toBeCloseTo(7.84, 10);
  });

  it('splits at a clear step confirmed by the three values after it, before any run of 8', () => {
    // Baseline X̄ = (63 + 92) / 11 = 14.09; mR̄ = (5 × 1 + 7 + 4 × 1) / 10 = 1.6 → upper limit 18.35.
    // 19 (index 7) is beyond it; 18, 19, 18 stay above the centre and 19 is beyond again: confirmed.
    const values = [...alternate(10, 11, 6), ...alternate(18, 19, 5)];
    const segs = findProcessSegments(values);
    expect(shape(segs)).toEqual([
      [0, 6, 'series_start', 'provisional'],
      [6, 11, 'step', 'none'], // 4 values before the latest: too few for limits
    ]);
    expect(segs[1]?.limits).toBeNull();
    // Two values beyond the limit with nothing after them are not yet a step.
    expect(findProcessSegments([...alternate(10, 11, 6), 18, 19])).toHaveLength(1);
  });

  it('does not split for a run of 8 that barely moved the average', () => {
    // 10/12 alternating (X̄ 11), then 11.2/11.4 (X̄ 11.3): eight in a row above the centre 11.15, but
    // 0.3 is far below 1.25 σ (σ from mR̄ = (7 × 2 + 7 × 0.2) / 14 = 1.1, the jump left out).
    expect(findProcessSegments([...alternate(10, 12, 8), ...alternate(11.2, 11.4, 8)])).toHaveLength(1);
  });

  it('lets a pinned baseline_from win over detection', () => {
    // The detected change is at 10; the admin says 12. Only two values would follow the
    // detected change inside [0, 12), too few to confirm it there.
    expect(shape(findProcessSegments(RUN_SHIFT, { pinnedStart: 12 }))).toEqual([
      [0, 12, 'series_start', 'provisional'],
      [12, 18, 'pinned', 'none'],
    ]);
    // A pin at the very start just names the baseline; one outside the series is ignored.
    expect(findProcessSegments(RUN_SHIFT, { pinnedStart: 0 })[0]?.startedBy).toBe('pinned');
    expect(findProcessSegments(RUN_SHIFT, { pinnedStart: 40 })[0]?.startedBy).toBe('series_start');
  });

  it('never splits a seasonal metric on its own', () => {
    expect(findProcessSegments(RUN_SHIFT, { detect: false })).toHaveLength(1);
  });

  it('needs 6 values for limits, calls them provisional below 15, firm from 15', () => {
    // The latest value is the one judged, so it does not count toward its own limits.
    const q = (n: number) => findProcessSegments(alternate(10, 11, n))[0]?.quality;
    expect([q(1), q(6), q(7), q(15), q(16)]).toEqual(['none', 'none', 'provisional', 'provisional', 'firm']);
    expect(findProcessSegments([])).toEqual([]);
  });

  it('takes a steady climb as one trend, with limits parallel to the fitted line', () => {
    // y = i ∓ 0.5 for i = 0…11. Least squares: Σ(i − 5.5)e = 3, Σ(i − 5.5)² = 143 → slope 1 + 3/143.
    const values = Array.from({ length: 12 }, (_, i) => i + (i % 2 ? 0.5 : -0.5));
    const segs = findProcessSegments(values);
    expect(segs).toHaveLength(1);
    const seg = segs[0]!;
    expect(seg.trend?.slope).toBeCloseTo(1 + 3 / 143, 10);
    // mR = 2, 0, 2, 0, … (11 ranges: six 2s, five 0s) → mR̄ = 12/11; half-width 2.66 × 12/11.
    const band = bandAt(seg, 11);
    expect(band?.centre).toBeCloseTo(seg.trend!.intercept + 11 * seg.trend!.slope, 10);
    expect(band!.upper - band!.centre).toBeCloseTo((2.66 * 12) / 11, 10);
    // A step of the same size is not mistaken for a trend.
    expect(findProcessSegments(RUN_SHIFT).some((s) => s.trend)).toBe(false);
  });

  it('gives gaps no weight: they break runs and count as no value', () => {
    const gappy = [...RUN_SHIFT.slice(0, 10), null, ...RUN_SHIFT.slice(10)];
    const segs = findProcessSegments(gappy);
    expect(segs.map((s) => s.start)).toEqual([0, 10]);
    expect(segs[1]?.count).toBe(7);
  });
});
