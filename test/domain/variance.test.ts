import { describe, expect, it } from 'vitest';
import type { Status } from '../../src/domain/types.js';
import {
  classifyStatus,
  computeSeverity,
  computeVariance,
  describeStatus,
  isWorseThanTarget,
} from '../../src/domain/variance.js';

const higher = { polarity: 'higher_is_better', tolerance: 2 } as const; // e.g. % closed on time, target 95
const lower = { polarity: 'lower_is_better', tolerance: 10 } as const; // e.g. days to inspection, target 80
const band = { polarity: 'within_band', tolerance: 0.3 } as const;

describe('computeVariance', () => {
  it('gives the difference and the percentage of the target', () => {
    // 90 − 95 = −5; −5 / 95 × 100 = −5.263…%
    const v = computeVariance(90, 95);
    expect(v.absolute).toBe(-5);
    expect(v.percent).toBeCloseTo(-5.2632, 4);
  });

  it('has no percentage when the target is 0', () => {
    expect(computeVariance(5, 0)).toEqual({ absolute: 5, percent: null });
  });

  it('keeps the sign of the percentage with a negative target', () => {
    // −8 − (−10) = +2; 2 / |−10| × 100 = +20%
    expect(computeVariance(-8, -10)).toEqual({ absolute: 2, percent: 20 });
  });
});

describe('classifyStatus', () => {
  it('higher is better: on at or above target, near within tolerance below it', () => {
    expect(classifyStatus(96, 95, higher)).toBe('on_target');
    expect(classifyStatus(95, 95, higher)).toBe('on_target');
    expect(classifyStatus(93, 95, higher)).toBe('near'); // 95 − 2 = 93, the edge is still near
    expect(classifyStatus(92.9, 95, higher)).toBe('off_target');
  });

  it('lower is better: the mirror image', () => {
    expect(classifyStatus(75, 80, lower)).toBe('on_target');
    expect(classifyStatus(90, 80, lower)).toBe('near'); // 80 + 10
    expect(classifyStatus(90.5, 80, lower)).toBe('off_target');
  });

  it('within band: on inside ±tolerance, near inside ±2×tolerance, despite float error', () => {
    expect(classifyStatus(10.3, 10, band)).toBe('on_target'); // |10.3 − 10| = 0.30000000000000071 in floats
    expect(classifyStatus(9.7, 10, band)).toBe('on_target');
    expect(classifyStatus(10.6, 10, band)).toBe('near');
    expect(classifyStatus(9.4, 10, band)).toBe('near');
    expect(classifyStatus(10.61, 10, band)).toBe('off_target');
  });

  it('has no near band with zero tolerance', () => {
    expect(classifyStatus(94.99, 95, { polarity: 'higher_is_better', tolerance: 0 })).toBe('off_target');
  });

  it('reports missing data before a missing target', () => {
    expect(classifyStatus(null, 95, higher)).toBe('no_data');
    expect(classifyStatus(null, null, higher)).toBe('no_data');
    expect(classifyStatus(90, null, higher)).toBe('no_target');
    expect(classifyStatus(Number.NaN, 95, higher)).toBe('no_data');
  });
});

describe('isWorseThanTarget', () => {
  it('follows the polarity; inside the band is not worse', () => {
    expect(isWorseThanTarget(94, 95, higher)).toBe(true);
    expect(isWorseThanTarget(96, 95, higher)).toBe(false);
    expect(isWorseThanTarget(81, 80, lower)).toBe(true);
    expect(isWorseThanTarget(79, 80, lower)).toBe(false);
    expect(isWorseThanTarget(10.2, 10, band)).toBe(false);
    expect(isWorseThanTarget(10.4, 10, band)).toBe(true);
  });
});

describe('computeSeverity', () => {
  it('counts tolerance widths on the bad side, whatever the polarity', () => {
    expect(computeSeverity(91, 95, higher)).toBe(2); // (95 − 91) / 2
    expect(computeSeverity(100, 80, lower)).toBe(2); // (100 − 80) / 10
    expect(computeSeverity(11.5, 10, { polarity: 'within_band', tolerance: 0.5 })).toBe(2); // (1.5 − 0.5) / 0.5
    expect(computeSeverity(99, 95, higher)).toBe(-2); // better than target
  });

  it('uses 5% of the target as the step without a tolerance, and 1 unit when the target is 0', () => {
    expect(computeSeverity(210, 200, { polarity: 'lower_is_better', tolerance: 0 })).toBe(1); // 10 / (200 × 0.05)
    expect(computeSeverity(3, 0, { polarity: 'lower_is_better', tolerance: 0 })).toBe(3); // 3 / 1
  });

  it('is null without an actual or a target', () => {
    expect(computeSeverity(null, 95, higher)).toBeNull();
    expect(computeSeverity(90, null, higher)).toBeNull();
  });
});

describe('describeStatus', () => {
  it('has words for every status', () => {
    const all: Status[] = ['on_target', 'near', 'off_target', 'no_data', 'no_target'];
    expect(all.map(describeStatus)).toEqual(['On target', 'Near target', 'Off target', 'No data', 'No target']);
  });
});
