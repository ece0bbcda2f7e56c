import { describe, expect, it } from 'vitest';
import {
  CalendarInputError,
  formatPeriodLabel,
  lastClosedPeriod,
  nextPeriod,
  parsePeriodKey,
  periodContaining,
  periodEndInstant,
  periodStartEnd,
  periodsBack,
  previousPeriod,
  shiftPeriod,
} from '../../../src/domain/calendar/index.js';

const NY = 'America/New_York';
const LONDON = 'Europe/London';

describe('period keys', () => {
  it('parses monthly and quarterly keys and rejects anything else', () => {
    expect(parsePeriodKey('2026-10')).toEqual({ frequency: 'monthly', year: 2026, index: 10 });
    expect(parsePeriodKey('2026-Q3')).toEqual({ frequency: 'quarterly', year: 2026, index: 3 });
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '26-10', '2026-10-01', '2026-q3', '']) {
      expect(() => parsePeriodKey(bad), bad).toThrow(CalendarInputError);
    }
  });

  it('labels periods for people', () => {
    expect(formatPeriodLabel('2026-10')).toBe('October 2026');
    expect(formatPeriodLabel('2026-01')).toBe('January 2026');
    expect(formatPeriodLabel('2026-Q3')).toBe('Q3 2026');
  });

  it('steps across year ends', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(nextPeriod('2025-12')).toBe('2026-01');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(nextPeriod('2026-Q4')).toBe('2027-Q1');
    expect(shiftPeriod('2026-03', -15)).toBe('2024-12');
    expect(shiftPeriod('2026-Q2', 7)).toBe('2028-Q1');
  });

  it('lists the n periods ending with a key, oldest first', () => {
    expect(periodsBack('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(periodsBack('2026-Q1', 2)).toEqual(['2025-Q4', '2026-Q1']);
    expect(periodsBack('2026-02', 0)).toEqual([]);
    expect(() => periodsBack('2026-02', -1)).toThrow(RangeError);
  });

  it('finds the period containing a local date', () => {
    expect(periodContaining('2026-11-07', 'monthly')).toBe('2026-11');
    expect(periodContaining('2026-11-07', 'quarterly')).toBe('2026-Q4');
    expect(periodContaining('2026-03-31', 'quarterly')).toBe('2026-Q1');
    expect(periodContaining('2026-04-01', 'quarterly')).toBe('2026-Q2');
  });
});

describe('period bounds', () => {
  it('gives inclusive first and last days, including month ends and leap years', () => {
    expect(periodStartEnd('2026-01')).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(periodStartEnd('2026-02')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodStartEnd('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodStartEnd('2026-04')).toEqual({ start: '2026-04-01', end: '2026-04-30' });
    expect(periodStartEnd('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(periodStartEnd('2026-Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });

  it('closes at local midnight at the start of the next period', () => {
    // October ends before New York falls back (02:00 on 1 November), so midnight is still EDT.
    expect(periodEndInstant('2026-10', NY).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(periodEndInstant('2026-02', NY).toISOString()).toBe('2026-03-01T05:00:00.000Z');
    expect(periodEndInstant('2026-03', LONDON).toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(periodEndInstant('2026-Q3', NY).toISOString()).toBe('2026-10-01T04:00:00.000Z');
  });
});

describe('lastClosedPeriod', () => {
  it('switches exactly at local midnight in the program timezone', () => {
    expect(lastClosedPeriod(new Date('2026-11-01T03:59:59Z'), 'monthly', NY)).toBe('2026-09');
    expect(lastClosedPeriod(new Date('2026-11-01T04:00:00Z'), 'monthly', NY)).toBe('2026-10');
  });

  it('depends on the timezone, not on UTC', () => {
    const now = new Date('2026-11-01T02:00:00Z'); // 31 Oct 22:00 in New York, 1 Nov 02:00 in London
    expect(lastClosedPeriod(now, 'monthly', NY)).toBe('2026-09');
    expect(lastClosedPeriod(now, 'monthly', LONDON)).toBe('2026-10');
  });

  it('handles quarters', () => {
    expect(lastClosedPeriod(new Date('2026-10-01T03:00:00Z'), 'quarterly', NY)).toBe('2026-Q2');
    expect(lastClosedPeriod(new Date('2026-10-01T04:00:00Z'), 'quarterly', NY)).toBe('2026-Q3');
    expect(lastClosedPeriod(new Date('2026-01-15T15:00:00Z'), 'quarterly', NY)).toBe('2025-Q4');
  });
});
