// Weekly periods: ISO 8601 weeks, Monday to Sunday in the program's timezone.
import { describe, expect, it } from 'vitest';
import {
  formatPeriodLabel,
  isPeriodKey,
  lastClosedPeriod,
  periodContaining,
  periodEndInstant,
  periodOrdinal,
  periodStartEnd,
  periodsBack,
  shiftPeriod,
} from '../../../src/domain/calendar/index.js';
import { weeksInYear } from '../../../src/domain/calendar/iso-weeks.js';

const NY = 'America/New_York';

describe('ISO weeks as periods', () => {
  it('keys a week by its ISO year, across the year boundary', () => {
    // Mon 29 Dec 2025 – Sun 4 Jan 2026 is week 1 of 2026.
    expect(periodContaining('2025-12-29', 'weekly')).toBe('2026-W01');
    expect(periodContaining('2026-01-04', 'weekly')).toBe('2026-W01');
    expect(periodStartEnd('2026-W01')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    // 1 Jan 2027 is a Friday: it belongs to 2026's last week.
    expect(periodContaining('2027-01-01', 'weekly')).toBe('2026-W53');
  });

  it('knows which years have a week 53', () => {
    expect(weeksInYear(2026)).toBe(53); // 1 Jan 2026 is a Thursday
    expect(weeksInYear(2025)).toBe(52);
    expect(weeksInYear(2020)).toBe(53); // leap year starting on a Wednesday
    expect(isPeriodKey('2026-W53')).toBe(true);
    expect(isPeriodKey('2025-W53')).toBe(false);
    expect(isPeriodKey('2026-W00')).toBe(false);
    expect(periodStartEnd('2026-W53')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
  });

  it('shifts and counts weeks across week 53 and year ends', () => {
    expect(shiftPeriod('2026-W52', 1)).toBe('2026-W53');
    expect(shiftPeriod('2026-W53', 1)).toBe('2027-W01');
    expect(shiftPeriod('2025-W52', 1)).toBe('2026-W01');
    expect(shiftPeriod('2027-W01', -2)).toBe('2026-W52');
    expect(periodsBack('2027-W02', 3)).toEqual(['2026-W53', '2027-W01', '2027-W02']);
    expect(periodOrdinal('2027-W01').ordinal - periodOrdinal('2026-W01').ordinal).toBe(53);
  });

  it('closes at local midnight starting Monday, whatever daylight saving does', () => {
    // DST ends Sun 1 Nov 2026 in New York: week 44 (26 Oct – 1 Nov) closes at Mon 2 Nov 00:00 EST.
    expect(periodEndInstant('2026-W44', NY).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    // The week before closed at Mon 26 Oct 00:00 EDT.
    expect(periodEndInstant('2026-W43', NY).toISOString()).toBe('2026-10-26T04:00:00.000Z');
    // DST starts Sun 8 Mar 2026: week 10 (2–8 Mar) closes at Mon 9 Mar 00:00 EDT.
    expect(periodEndInstant('2026-W10', NY).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    // Sunday 23:30 local is still the week in progress; Monday 00:00 local it has closed.
    expect(lastClosedPeriod(new Date('2026-11-02T04:30:00Z'), 'weekly', NY)).toBe('2026-W43');
    expect(lastClosedPeriod(new Date('2026-11-02T05:00:00Z'), 'weekly', NY)).toBe('2026-W44');
  });

  it('labels a week with its days', () => {
    expect(formatPeriodLabel('2026-W45')).toBe('week 45 of 2026 (2–8 Nov)');
    expect(formatPeriodLabel('2026-W53')).toBe('week 53 of 2026 (28 Dec–3 Jan)');
  });
});

describe('weeks of a month', () => {
  it('are the weeks whose Thursday falls in it', async () => {
    const { weeksOfMonth, lastWeekOfMonth, monthOfWeek } = await import('../../../src/domain/calendar/index.js');
    // October 2026: Thursdays 1, 8, 15, 22, 29 → weeks 40–44 (W44 runs 26 Oct – 1 Nov).
    expect(weeksOfMonth('2026-10')).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44']);
    expect(lastWeekOfMonth('2026-11')).toBe('2026-W48');
    // W53 of 2026 (28 Dec – 3 Jan) has its Thursday on 31 Dec: December's.
    expect(monthOfWeek('2026-W53')).toBe('2026-12');
    expect(lastWeekOfMonth('2026-12')).toBe('2026-W53');
    expect(weeksOfMonth('2027-01')[0]).toBe('2027-W01');
  });
});

describe('typed weeks', () => {
  it('reads 2026-W45 and 2026w5, and refuses a week the year does not have', async () => {
    const { parsePeriodInput } = await import('../../../src/domain/calendar/index.js');
    expect(parsePeriodInput('2026-W45', '2026-11-20')).toEqual({ ok: true, value: '2026-W45' });
    expect(parsePeriodInput('2026w5', '2026-11-20')).toEqual({ ok: true, value: '2026-W05' });
    expect(parsePeriodInput('2025-W53', '2026-11-20')).toMatchObject({ ok: false, message: '2025 has no week 53.' });
  });
});
