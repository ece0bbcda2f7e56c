import { describe, expect, it } from 'vitest';
import { formatMetricNumber } from '../../src/domain/number-format.js';
import { parseMetricNumber } from '../../src/domain/submission/parse-number.js';

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
