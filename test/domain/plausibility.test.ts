import { describe, expect, it } from 'vitest';
import { describeUnusual, type PlausibilityContext } from '../../src/domain/submission/plausibility.js';

const bare: PlausibilityContext = {
  unit: '',
  decimals: 0,
  min: null,
  max: null,
  target: null,
  usualRange: null,
  lastValue: null,
};

describe('describeUnusual: every value gets a second look, even with no history or bounds', () => {
  it('a percentage over 100 or under 0', () => {
    expect(describeUnusual(140, { ...bare, unit: '%' })).toContain('more than 100%');
    expect(describeUnusual(-3, { ...bare, unit: '%' })).toContain('negative');
    expect(describeUnusual(99, { ...bare, unit: '%' })).toBeNull();
  });
  it('a negative count', () => {
    expect(describeUnusual(-12, { ...bare, unit: 'requests' })).toContain('negative');
    expect(describeUnusual(-12, { ...bare, min: -100 })).toBeNull();
  });
  it('a value orders of magnitude from the last value, or from the target when there is none', () => {
    expect(describeUnusual(1_000_000, { ...bare, lastValue: 120 })).toContain('far from the last value');
    expect(describeUnusual(1.2, { ...bare, lastValue: 120, decimals: 1 })).toContain('far from the last value');
    expect(describeUnusual(99_999_999_999, { ...bare, target: 500 })).toContain('far from the target');
    expect(describeUnusual(130, { ...bare, lastValue: 120, target: 500 })).toBeNull();
  });
  it('the usual range, when the history gives one, decides', () => {
    const ctx = { ...bare, usualRange: { lower: 80, upper: 140 }, lastValue: 100 };
    expect(describeUnusual(1250, ctx)).toContain('decimal point');
    expect(describeUnusual(120, ctx)).toBeNull();
  });
});
