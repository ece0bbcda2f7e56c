import { describe, expect, it } from 'vitest';
import { computeTrend, computeYearToDate, type PeriodValue } from '../../src/domain/trend.js';

const higher = { polarity: 'higher_is_better', tolerance: 1 } as const;

describe('computeTrend', () => {
  it('fits a least-squares slope over the last n periods', () => {
    // Last 3 of the series: 10, 12, 14 → slope 2 per period, fitted change 2 × 2 = 4 > tolerance 1.
    const t = computeTrend([50, 1, 10, 12, 14], 3, higher);
    expect(t).toEqual({ window: 3, pointsUsed: 3, slope: 2, change: 4, movement: 'rising', direction: 'improving' });
    expect(computeTrend([10, 12, 14], 3, { ...higher, polarity: 'lower_is_better' }).direction).toBe('worsening');
  });

  it('calls a drift smaller than the tolerance flat', () => {
    // 95, 95.2, 95.1: x̄ = 1, ȳ = 95.1; Σ(x−x̄)(y−ȳ) = (−1)(−0.1) + 0 + (1)(0) = 0.1; Σ(x−x̄)² = 2
    // slope 0.05, change 0.1 ≤ tolerance 2 → flat
    const t = computeTrend([95, 95.2, 95.1], 3, { polarity: 'higher_is_better', tolerance: 2 });
    expect(t.slope).toBeCloseTo(0.05, 10);
    expect(t.direction).toBe('flat');
  });

  it('falls back to mR̄, then 1% of the level, when the tolerance is 0', () => {
    const noTol = { polarity: 'higher_is_better', tolerance: 0 } as const;
    expect(computeTrend([10, 11, 12], 3, { ...noTol, averageMovingRange: 3 }).direction).toBe('flat'); // change 2 ≤ 3
    expect(computeTrend([100, 100.4, 100.8], 3, noTol).direction).toBe('flat'); // change 0.8 ≤ 1.004
    expect(computeTrend([100, 101, 102], 3, noTol).direction).toBe('improving'); // change 2 > 1.01
  });

  it('keeps gaps in place on the x axis', () => {
    // x = 0 and 2 → slope (3 − 1) / 2 = 1 per period, change 2
    expect(computeTrend([1, null, 3], 3, higher)).toMatchObject({ pointsUsed: 2, slope: 1, change: 2 });
  });

  it('needs two points, and half of a long window', () => {
    expect(computeTrend([null, null, 5], 3, higher).direction).toBe('unknown');
    expect(computeTrend([1, 2, 3, 4, 5], 12, higher).direction).toBe('unknown'); // 5 < 6
    expect(computeTrend([1, 2, 3, 4, 5, 6], 12, higher).direction).toBe('improving');
  });

  it('within band: moving towards the target improves, and needs a target', () => {
    const band = { polarity: 'within_band', tolerance: 0.5 } as const;
    // 14, 12, 11: slope −1.5, fitted 13.83 → 10.83, closer to 10
    expect(computeTrend([14, 12, 11], 3, { ...band, target: 10 }).direction).toBe('improving');
    expect(computeTrend([14, 12, 11], 3, { ...band, target: 16 }).direction).toBe('worsening');
    expect(computeTrend([14, 12, 11], 3, band)).toMatchObject({ movement: 'falling', direction: 'unknown' });
  });
});

describe('computeYearToDate', () => {
  const points: PeriodValue[] = [
    { period: '2026-05', actual: 999, target: 12 }, // previous fiscal year (FY starts July)
    { period: '2026-08', actual: 20, target: 12 },
    { period: '2026-07', actual: 10, target: 12 },
    { period: '2026-09', actual: null, target: 12 }, // not reported: skipped, not counted as 0
    { period: '2026-10', actual: 30, target: 12 },
    { period: '2026-11', actual: 40, target: 12 }, // after the latest period
  ];

  it('aggregates the fiscal year so far as documented per metric', () => {
    expect(computeYearToDate(points, '2026-10', 'sum', 7)).toEqual({
      aggregation: 'sum',
      fiscalYearStart: '2026-07',
      periodsCounted: 3,
      actual: 60,
      target: 36,
    });
    expect(computeYearToDate(points, '2026-10', 'mean', 7)).toMatchObject({ actual: 20, target: 12 }); // 60 / 3
    expect(computeYearToDate(points, '2026-10', 'last', 7)).toMatchObject({ actual: 30, target: 12 });
  });

  it('starts the fiscal year in the previous calendar year before the start month', () => {
    expect(computeYearToDate(points, '2026-05', 'sum', 7)).toMatchObject({ fiscalYearStart: '2025-07', actual: 999 });
    expect(computeYearToDate(points, '2026-10', 'sum')).toMatchObject({ fiscalYearStart: '2026-01', actual: 1059 }); // 999+20+10+30
  });

  it('counts quarters by their first month', () => {
    const q: PeriodValue[] = [
      { period: '2025-Q2', actual: 1, target: 1 },
      { period: '2025-Q3', actual: 2, target: 1 },
      { period: '2026-Q1', actual: 4, target: null },
      { period: '2026-Q2', actual: 8, target: 1 },
    ];
    // FY July 2025 – June 2026 holds Q3 2025 … Q2 2026: 2 + 4 + 8 = 14; one quarter lacks a target → null.
    expect(computeYearToDate(q, '2026-Q2', 'sum', 7)).toMatchObject({
      fiscalYearStart: '2025-07',
      periodsCounted: 3,
      actual: 14,
      target: null,
    });
  });

  it('is empty without data and rejects a bad start month', () => {
    expect(computeYearToDate([], '2026-10', 'mean')).toMatchObject({ periodsCounted: 0, actual: null, target: null });
    expect(() => computeYearToDate(points, '2026-10', 'mean', 13)).toThrow(RangeError);
  });
});
