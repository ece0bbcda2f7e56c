// One period-key parser: every reader of a period key (program file, CSV history, button values,
// trends, dated targets) agrees with parsePeriodKey, so none accepts month 13 or quarter 5.
import { describe, expect, it } from 'vitest';
import {
  firstMonthKey,
  formatDay,
  isLocalDate,
  isPeriodKey,
  parsePeriodKey,
  periodKeySchema,
  periodOrdinal,
} from '../../../src/domain/calendar/index.js';
import { historyRowSchema } from '../../../src/domain/program/csv-rows.js';
import { targetSchema } from '../../../src/domain/program/program-schema.js';
import { targetFor } from '../../../src/domain/targets.js';
import { decodeOpenSubmission, encodeOpenSubmission } from '../../../src/views/collection-reminder.js';

const GOOD = ['2026-01', '2026-09', '2026-10', '2026-12', '2026-Q1', '2026-Q4', '0001-01', '2026-W01', '2026-W53'];
const BAD = [
  '2026-13',
  '2026-00',
  '2026-1',
  '2026-Q0',
  '2026-Q5',
  '2026-q3',
  '26-10',
  '2026-10-01',
  ' 2026-10',
  '',
  '2025-W53',
  '2026-W54',
  '2026-w05',
];

describe('period keys', () => {
  it('are recognised the same way by every parser', () => {
    for (const key of GOOD) {
      expect(isPeriodKey(key), key).toBe(true);
      expect(periodKeySchema.safeParse(key).success, key).toBe(true);
      expect(historyRowSchema.safeParse({ department: 'D', metric: 'm', period: key }).success, key).toBe(true);
      expect(targetSchema.safeParse({ from: key, value: 1 }).success, key).toBe(true);
      expect(decodeOpenSubmission(encodeOpenSubmission(1, key)), key).toEqual({ departmentId: 1, period: key });
    }
    for (const key of BAD) {
      expect(isPeriodKey(key), key).toBe(false);
      expect(() => parsePeriodKey(key), key).toThrow();
      const csv = historyRowSchema.safeParse({ department: 'D', metric: 'm', period: key });
      expect(csv.success, key).toBe(false);
      expect(csv.error?.issues[0]?.message).toBe('must be a period such as 2026-01, 2026-Q1 or 2026-W05');
      expect(targetSchema.safeParse({ from: key, value: 1 }).success, key).toBe(false);
      expect(decodeOpenSubmission(encodeOpenSubmission(1, key)), key).toBeNull();
    }
  });

  it('place months and quarters on their own scales', () => {
    expect(periodOrdinal('2026-01').ordinal - periodOrdinal('2025-12').ordinal).toBe(1);
    expect(periodOrdinal('2026-Q1').ordinal - periodOrdinal('2025-Q4').ordinal).toBe(1);
    expect(periodOrdinal('2026-Q3').frequency).toBe('quarterly');
    expect(() => periodOrdinal('2026-13')).toThrow();
  });

  it('compare a quarter with months from its first month', () => {
    expect(firstMonthKey('2026-Q3')).toBe('2026-07');
    expect(firstMonthKey('2026-Q1')).toBe('2026-01');
    expect(firstMonthKey('2026-11')).toBe('2026-11');
    const targets = [
      { effectiveFrom: '2026-01', value: 90 },
      { effectiveFrom: '2026-Q3', value: 95 },
    ];
    expect(targetFor(targets, '2026-06')).toBe(90);
    expect(targetFor(targets, '2026-07')).toBe(95);
    expect(targetFor(targets, '2026-Q2')).toBe(90);
  });
});

describe('local dates', () => {
  it('read as a short day in messages', () => {
    expect(formatDay('2026-11-07')).toBe('Sat 7 Nov');
    expect(formatDay('2027-01-01')).toBe('Fri 1 Jan');
    expect(() => formatDay('2026-02-30')).toThrow();
  });

  it('are real calendar days', () => {
    for (const ok of ['2026-12-25', '2028-02-29']) expect(isLocalDate(ok), ok).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2027-02-29', '2026-1-05', ''])
      expect(isLocalDate(bad), bad).toBe(false);
  });
});
