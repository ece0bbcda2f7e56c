// One way to show a metric's number: grouped for reading, plain digits for Slack's number input,
// with the unit placed the same way in messages and charts; never exponent notation, never "-0".
import { describe, expect, it } from 'vitest';
import { formatMetricNumber, formatNumberInput, formatWithUnit } from '../../src/domain/number-format.js';

const SLACK_NUMBER = /^-?[0-9]+(\.[0-9]+)?$/; // number_input's initial_value format
const MAGNITUDES = Array.from({ length: 61 }, (_, i) => 10 ** (i - 20)).flatMap((x) => [x, -x, x * 1.5]);

describe('formatMetricNumber', () => {
  it('groups thousands and keeps the metric’s decimals', () => {
    expect(formatMetricNumber(1250.5, 1)).toBe('1,250.5');
    expect(formatMetricNumber(95, 2)).toBe('95.00');
    expect(formatMetricNumber(1e23, 0)).toBe('100,000,000,000,000,000,000,000');
  });

  it('never prints exponent notation, at any magnitude', () => {
    for (const x of [...MAGNITUDES, 1e23, Number('99999999999999999999999'), Number.MAX_SAFE_INTEGER, 1e300])
      for (const decimals of [0, 1, 3]) expect(formatMetricNumber(x, decimals), String(x)).not.toMatch(/e/i);
  });

  it('shows a value that rounds to zero without a sign', () => {
    expect(formatMetricNumber(-0.04, 1)).toBe('0.0');
    expect(formatMetricNumber(-0, 0)).toBe('0');
    expect(formatMetricNumber(-0.06, 1)).toBe('-0.1');
  });
});

describe('formatNumberInput', () => {
  it('gives Slack’s number input plain digits, whatever the magnitude', () => {
    expect(formatNumberInput(1e23, 0)).toBe('100000000000000000000000');
    expect(formatNumberInput(1250.5, 2)).toBe('1250.5');
    expect(formatNumberInput(-0.001, 2)).toBe('0');
    for (const x of [...MAGNITUDES, 1e23, 1e300])
      for (const decimals of [0, 2]) expect(formatNumberInput(x, decimals), String(x)).toMatch(SLACK_NUMBER);
  });

  it('keeps its own form when a message has shown the same number with the same decimals', () => {
    // Both are cached by their decimals: a message's grouped "1,250.50" must not leak into an input.
    expect(formatMetricNumber(1250.5, 2)).toBe('1,250.50');
    expect(formatNumberInput(1250.5, 2)).toBe('1250.5');
    expect(formatMetricNumber(1250.5, 2)).toBe('1,250.50');
  });
});

describe('formatWithUnit', () => {
  it('places % and $ by the number and other units after it', () => {
    expect(formatWithUnit(95.25, '%', 1)).toBe('95.3%');
    expect(formatWithUnit(250000, '$', 0)).toBe('$250,000');
    expect(formatWithUnit(12, 'days', 0)).toBe('12 days');
    expect(formatWithUnit(12, '', 0)).toBe('12');
  });
});
