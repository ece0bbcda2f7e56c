import { describe, expect, it } from 'vitest';
import { type EntryInput, validateEntries } from '../../src/domain/submission/validate-entries.js';

const onTime = (raw: EntryInput['raw'], over: Partial<EntryInput> = {}): EntryInput => ({
  metricId: 1,
  unit: '%',
  target: 95,
  usualRange: { lower: 80, upper: 99 },
  lastValue: 93,
  raw,
  rule: { polarity: 'higher_is_better', tolerance: 2, decimals: 1, min: 0, max: 100 },
  ...over,
});
const days = (raw: EntryInput['raw']): EntryInput => ({
  metricId: 2,
  unit: 'days',
  target: 80,
  usualRange: { lower: 80, upper: 140 },
  lastValue: 100,
  raw,
  rule: { polarity: 'lower_is_better', tolerance: 10, decimals: 0, min: 0, max: 5000 },
});
const none = new Map<number, number>();

describe('validateEntries', () => {
  it('accepts an on-target value without explanation', () => {
    const r = validateEntries([onTime({ value: '96.2', notAvailable: false })], none);
    expect(r).toEqual({
      errors: [],
      unusual: [],
      entries: [{ metricId: 1, value: 96.2, notAvailable: false, note: null }],
    });
  });

  it('requires an explanation when off target beyond tolerance, respecting polarity', () => {
    // higher is better: 92 < 95 − 2 → off target
    expect(validateEntries([onTime({ value: '92', notAvailable: false })], none).errors).toEqual([
      { metricId: 1, field: 'note', message: expect.stringContaining('off target') },
    ]);
    // near target (93.5 ≥ 93): no explanation needed
    expect(validateEntries([onTime({ value: '93.5', notAvailable: false })], none).errors).toEqual([]);
    // lower is better: 95 days > 80 + 10 → off; 85 days is near → fine
    expect(validateEntries([days({ value: '95', notAvailable: false })], none).errors[0]?.field).toBe('note');
    expect(validateEntries([days({ value: '85', notAvailable: false })], none).errors).toEqual([]);
    // with an explanation it passes
    expect(
      validateEntries([days({ value: '95', note: 'Two inspectors on leave', notAvailable: false })], none).errors,
    ).toEqual([]);
  });

  it('needs a value or "not available" with a reason', () => {
    expect(validateEntries([onTime({ notAvailable: false })], none).errors[0]).toMatchObject({ field: 'value' });
    expect(validateEntries([onTime({ notAvailable: true })], none).errors[0]).toMatchObject({
      field: 'note',
      message: expect.stringContaining('why'),
    });
    expect(validateEntries([onTime({ notAvailable: true, value: '90' })], none).errors[0]).toMatchObject({
      field: 'value',
    });
    expect(validateEntries([onTime({ notAvailable: true, note: 'CRM migration' })], none).entries).toEqual([
      { metricId: 1, value: null, notAvailable: true, note: 'CRM migration' },
    ]);
  });

  it('rejects bad numbers and over-long notes, one message per field', () => {
    const r = validateEntries(
      [
        onTime({ value: 'lots', notAvailable: false }),
        days({ value: '-3', notAvailable: false }),
        onTime({ value: '96', note: 'x'.repeat(3001), notAvailable: false }, { metricId: 3 }),
      ],
      none,
    );
    expect(r.errors.map((e) => [e.metricId, e.field])).toEqual([
      [1, 'value'],
      [2, 'value'],
      [3, 'note'],
    ]);
    expect(r.entries).toEqual([]);
  });

  it('asks once about a value far outside the usual range, hinting at a slipped decimal', () => {
    const r = validateEntries([days({ value: '1250', notAvailable: false, note: 'backlog' })], none);
    expect(r.unusual).toEqual([{ metricId: 2, value: 1250, message: expect.stringContaining('usual range 80–140') }]);
    expect(r.unusual[0]!.message).toContain('decimal point');
    // Confirmed with the same value: accepted without asking again.
    expect(
      validateEntries([days({ value: '1250', notAvailable: false, note: 'backlog' })], new Map([[2, 1250]])).unusual,
    ).toEqual([]);
    // A different value after confirming a first one: asked again.
    expect(
      validateEntries([days({ value: '1300', notAvailable: false, note: 'backlog' })], new Map([[2, 1250]])).unusual,
    ).toHaveLength(1);
  });
});
