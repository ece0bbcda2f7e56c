// Where collection starts, which period a packet reviews, and which meeting series post a packet
// before their departments' numbers are due (issue 10, defects 3 and 4).
import { describe, expect, it } from 'vitest';
import { computeDueDate, DEFAULT_DUE_RULE } from '../../src/domain/calendar/index.js';
import { findPacketsBeforeDue } from '../../src/domain/meetings/packet-before-due.js';
import { isPastDue, periodUnderReview } from '../../src/domain/meetings/period-under-review.js';
import { parseRecurrence } from '../../src/domain/meetings/recurrence.js';
import { defaultStartsWith, isCollectedPeriod, resolveStartsWith } from '../../src/domain/program/starts-with.js';

const NY = 'America/New_York';
const calendar = { timezone: NY, workdayStart: '09:00', workdayEnd: '17:00', holidays: ['2026-11-11'] };
const rule = (text: string) => {
  const r = parseRecurrence(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('starts_with', () => {
  it('collects the start period and later ones, monthly and quarterly alike', () => {
    expect(isCollectedPeriod('2026-09', '2026-10')).toBe(false);
    expect(isCollectedPeriod('2026-10', '2026-10')).toBe(true);
    expect(isCollectedPeriod('2027-01', '2026-10')).toBe(true);
    expect(isCollectedPeriod('2026-Q3', '2026-11')).toBe(false);
    expect(isCollectedPeriod('2026-Q4', '2026-11')).toBe(true);
    expect(isCollectedPeriod('2020-01', null)).toBe(true);
  });

  it('defaults to the month in progress, and a recorded start is kept', () => {
    expect(defaultStartsWith('2026-10-27')).toBe('2026-10');
    expect(resolveStartsWith({ recorded: null, today: '2026-10-27' })).toBe('2026-10');
    expect(resolveStartsWith({ recorded: '2026-10', today: '2027-03-09' })).toBe('2026-10');
    expect(resolveStartsWith({ program: '2026-09', recorded: '2026-10', today: '2027-03-09' })).toBe('2026-09');
    expect(resolveStartsWith({ department: '2027-01', program: '2026-09', recorded: null, today: '2026-10-27' })).toBe(
      '2027-01',
    );
  });
});

describe('the period a packet reviews', () => {
  const due = (period: string) => computeDueDate(period, DEFAULT_DUE_RULE, calendar.holidays);

  it('is past due only once the due day is over', () => {
    expect(isPastDue('2026-11-06', '2026-11-06')).toBe(false);
    expect(isPastDue('2026-11-06', '2026-11-07')).toBe(true);
  });

  it('falls back to the period before while the usual one is not yet due', () => {
    // Packet Tue 3 Nov 10:00; October due Fri 6 Nov.
    expect(periodUnderReview('2026-10', due, new Date('2026-11-03T15:00:00Z'), NY)).toEqual({
      period: '2026-09',
      notDue: { period: '2026-10', dueDate: '2026-11-06' },
    });
    // On the due day itself the liaisons still have until the evening.
    expect(periodUnderReview('2026-10', due, new Date('2026-11-06T20:00:00Z'), NY).period).toBe('2026-09');
    // Packet Fri 13 Nov: October is due and reviewed.
    expect(periodUnderReview('2026-10', due, new Date('2026-11-13T15:00:00Z'), NY)).toEqual({
      period: '2026-10',
      notDue: null,
    });
  });
});

describe('packets before the due date, found at import', () => {
  const departments = [
    { key: 'DPW', name: 'Public Works', dueRule: DEFAULT_DUE_RULE, frequencies: ['monthly' as const] },
    { key: 'CODE', name: 'Code Enforcement', dueRule: DEFAULT_DUE_RULE, frequencies: ['monthly' as const] },
  ];
  const find = (recurrence: string) =>
    findPacketsBeforeDue({
      series: [{ name: 'Roundtable', recurrence: rule(recurrence), rotation: [['DPW'], ['CODE']], leadHours: 48 }],
      departments,
      calendar,
      sendTime: '10:00',
      now: new Date('2026-10-27T14:00:00Z'),
    });

  it('flags a first-Thursday meeting, once per department, with the first affected meeting', () => {
    const found = find('first Thursday 10:00');
    expect(found.map((f) => [f.department, f.meetingDay, f.packetDay, f.period, f.dueDate, f.occurrences])).toEqual([
      ['Public Works', '2026-11-05', '2026-11-03', '2026-10', '2026-11-06', 6],
      ['Code Enforcement', '2026-12-03', '2026-12-01', '2026-11', '2026-12-07', 6],
    ]);
  });

  it('says nothing about a third-Tuesday meeting', () => {
    expect(find('third Tuesday 10:00')).toEqual([]);
  });
});
