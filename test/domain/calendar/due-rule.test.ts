import { describe, expect, it } from 'vitest';
import {
  computeDueDate,
  computeOpeningDate,
  type DueRule,
  formatDueRule,
  parseDueRule,
} from '../../../src/domain/calendar/index.js';

const FIVE_AFTER: DueRule = { kind: 'business_days_after_period_end', days: 5 };
const dayOfNextMonth = (day: number): DueRule => ({ kind: 'day_of_next_month', day });

describe('computeDueDate: business days after period end', () => {
  it('counts from the last day of the period', () => {
    expect(computeDueDate('2026-10', FIVE_AFTER, [])).toBe('2026-11-06'); // October ends on a Saturday
    expect(computeDueDate('2026-Q3', FIVE_AFTER, [])).toBe('2026-10-07'); // Q3 ends Wednesday 30 Sep
  });

  it('skips holidays while counting', () => {
    expect(computeDueDate('2026-10', FIVE_AFTER, ['2026-11-06'])).toBe('2026-11-09');
    expect(computeDueDate('2026-06', { kind: 'business_days_after_period_end', days: 3 }, ['2026-07-03'])).toBe(
      '2026-07-06',
    );
  });

  it('handles leap years', () => {
    expect(computeDueDate('2028-01', FIVE_AFTER, [])).toBe('2028-02-07');
    expect(computeDueDate('2028-02', FIVE_AFTER, [])).toBe('2028-03-07'); // February 2028 ends Tuesday the 29th
  });
});

describe('computeDueDate: day of next month', () => {
  it('uses that day when it is a business day', () => {
    expect(computeDueDate('2026-10', dayOfNextMonth(10), [])).toBe('2026-11-10');
  });

  it('rolls a weekend or holiday forward', () => {
    expect(computeDueDate('2026-10', dayOfNextMonth(7), [])).toBe('2026-11-09'); // Saturday → Monday
    expect(computeDueDate('2026-10', dayOfNextMonth(11), ['2026-11-11'])).toBe('2026-11-12'); // holiday on the due day
    expect(computeDueDate('2026-06', dayOfNextMonth(3), ['2026-07-03'])).toBe('2026-07-06'); // Friday holiday
  });

  it('takes the month after a quarter', () => {
    expect(computeDueDate('2026-Q3', dayOfNextMonth(10), [])).toBe('2026-10-12'); // 10 Oct is a Saturday
  });

  it('clamps to the end of a short month (Jan 31 + 1 month), then rolls', () => {
    expect(computeDueDate('2028-01', dayOfNextMonth(31), [])).toBe('2028-02-29'); // leap day, a Tuesday
    expect(computeDueDate('2026-01', dayOfNextMonth(31), [])).toBe('2026-03-02'); // 28 Feb 2026 is a Saturday
    expect(computeDueDate('2027-01', dayOfNextMonth(29), [])).toBe('2027-03-01'); // 28 Feb 2027 is a Sunday
    expect(computeDueDate('2026-03', dayOfNextMonth(31), [])).toBe('2026-04-30');
  });
});

describe('computeOpeningDate', () => {
  it('is the first business day after the period', () => {
    expect(computeOpeningDate('2026-10', [])).toBe('2026-11-02');
    expect(computeOpeningDate('2026-Q3', [])).toBe('2026-10-01');
    expect(computeOpeningDate('2026-12', ['2027-01-01'])).toBe('2027-01-04');
  });
});

describe('parseDueRule', () => {
  it.each([
    ['5 business days after period end', FIVE_AFTER],
    ['  5  Business Days after the period end ', FIVE_AFTER],
    ['1 working day after period end', { kind: 'business_days_after_period_end', days: 1 }],
    ['10th of next month', dayOfNextMonth(10)],
    ['the 1st of the following month', dayOfNextMonth(1)],
    ['31 of next month', dayOfNextMonth(31)],
  ])('reads %j', (text, rule) => {
    expect(parseDueRule(text)).toEqual({ ok: true, value: rule });
  });

  it.each([
    'next tuesday',
    '',
    '32nd of next month',
    '0th of next month',
    '61 business days after period end',
    '5 days after period end',
  ])('rejects %j with a message that shows the accepted forms', (text) => {
    const result = parseDueRule(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/Due rule/);
  });

  it('round-trips through formatDueRule', () => {
    for (const rule of [
      FIVE_AFTER,
      dayOfNextMonth(1),
      dayOfNextMonth(2),
      dayOfNextMonth(3),
      dayOfNextMonth(11),
      dayOfNextMonth(22),
    ]) {
      expect(parseDueRule(formatDueRule(rule))).toEqual({ ok: true, value: rule });
    }
    expect(formatDueRule(dayOfNextMonth(22))).toBe('22nd of next month');
    expect(formatDueRule({ kind: 'business_days_after_period_end', days: 1 })).toBe('1 business day after period end');
  });
});
