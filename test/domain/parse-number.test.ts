import { describe, expect, it } from 'vitest';
import { formatMetricNumber, formatNumberInput } from '../../src/domain/number-format.js';
import { isStorableValue, parseMetricNumber } from '../../src/domain/submission/parse-number.js';

const pct = { decimals: 1, min: 0, max: 100 };
const count = { decimals: 0, min: 0, max: null };

describe('parseMetricNumber', () => {
  it.each([
    ['93.4', pct, 93.4],
    [' 100 ', pct, 100],
    ['1,250', count, 1250],
    ['0', count, 0],
    ['.5', pct, 0.5],
  ])('accepts %j', (raw, rule, value) => {
    expect(parseMetricNumber(raw, rule)).toEqual({ ok: true, value });
  });
  it.each([
    ['abc', pct, 'is not a number'],
    ['12abc', pct, 'is not a number'],
    ['', pct, 'is not a number'],
    ['1e5', count, 'is not a number'],
    ['93.45', pct, 'at most 1 decimal place'],
    ['3.5', count, 'whole number'],
    ['-1', count, 'cannot be negative'],
    ['100.1', pct, 'at most 100'],
    ['9'.repeat(400), count, 'too large'],
  ])('rejects %j with a clear message', (raw, rule, message) => {
    const r = parseMetricNumber(raw, rule);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
  it('formats with grouping and fixed decimals', () => {
    expect(formatMetricNumber(1250.5, 1)).toBe('1,250.5');
    expect(formatMetricNumber(80, 0)).toBe('80');
  });
});

describe('the range a value can be kept in exactly', () => {
  it('refuses numbers the database cannot store exactly, whatever the metric has as max', () => {
    const r = parseMetricNumber('99999999999999999999999', count);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('too large') });
    expect(parseMetricNumber('999999999999999', count)).toEqual({ ok: true, value: 999999999999999 });
    expect(parseMetricNumber('1000000000000000', count).ok).toBe(false);
    // two decimals leave 13 digits before the point
    const money = { decimals: 2, min: null, max: null };
    expect(parseMetricNumber('9999999999999.99', money)).toEqual({ ok: true, value: 9999999999999.99 });
    expect(parseMetricNumber('10000000000000', money).ok).toBe(false);
    expect(parseMetricNumber('-10000000000000', money).ok).toBe(false);
  });
  it('keeps every accepted value exact: it prints back as typed', () => {
    for (const [text, decimals] of [
      ['999999999999999', 0],
      ['-123456789012.345', 3],
      ['0.0001', 4],
      ['9999999999999.99', 2],
    ] as const) {
      const parsed = parseMetricNumber(text, { decimals, min: null, max: null });
      expect(parsed.ok && formatNumberInput(parsed.value)).toBe(text);
    }
  });
  it('formats input values without exponent or grouping', () => {
    expect(formatNumberInput(1e23)).toBe('100000000000000000000000');
    expect(formatNumberInput(1e-7)).toBe('0.0000001');
    expect(formatNumberInput(-0)).toBe('0');
    expect(formatNumberInput(1250.5)).toBe('1250.5');
    expect(isStorableValue(1e15)).toBe(false);
    expect(isStorableValue(Number.NaN)).toBe(false);
  });
});
