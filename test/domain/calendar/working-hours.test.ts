import { describe, expect, it } from 'vitest';
import {
  CalendarInputError,
  isWithinWorkingHours,
  localTimeOnDate,
  nextWorkingInstant,
  sendInstantOn,
} from '../../../src/domain/calendar/index.js';
import type { ProgramCalendar } from '../../../src/domain/types.js';

const NY: ProgramCalendar = {
  timezone: 'America/New_York',
  workdayStart: '09:00',
  workdayEnd: '17:00',
  holidays: ['2026-11-26'],
};
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('localTimeOnDate', () => {
  it('keeps 10:00 local on both sides of a DST change', () => {
    expect(iso(localTimeOnDate('2026-03-06', '10:00', NY.timezone))).toBe('2026-03-06T15:00:00.000Z'); // EST
    expect(iso(localTimeOnDate('2026-03-09', '10:00', NY.timezone))).toBe('2026-03-09T14:00:00.000Z'); // EDT
    expect(iso(localTimeOnDate('2026-10-23', '10:00', 'Europe/London'))).toBe('2026-10-23T09:00:00.000Z'); // BST
    expect(iso(localTimeOnDate('2026-10-26', '10:00', 'Europe/London'))).toBe('2026-10-26T10:00:00.000Z'); // GMT
  });

  it('maps a nonexistent spring-forward time forward by the gap', () => {
    expect(iso(localTimeOnDate('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(iso(localTimeOnDate('2026-03-29', '01:30', 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
  });

  it('picks the first occurrence of an ambiguous fall-back time', () => {
    expect(iso(localTimeOnDate('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    expect(iso(localTimeOnDate('2026-10-25', '01:30', 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z'); // 01:30 BST
  });

  it('rejects bad input', () => {
    expect(() => localTimeOnDate('2026-11-02', '9:00', NY.timezone)).toThrow(CalendarInputError);
    expect(() => localTimeOnDate('2026-11-02', '24:00', NY.timezone)).toThrow(CalendarInputError);
    expect(() => localTimeOnDate('2026-11-02', '09:00', 'Mars/Olympus_Mons')).toThrow(CalendarInputError);
  });
});

describe('isWithinWorkingHours', () => {
  it('is [start, end) on business days', () => {
    expect(isWithinWorkingHours(at('2026-11-06T14:00:00Z'), NY)).toBe(true); // Fri 09:00 EST
    expect(isWithinWorkingHours(at('2026-11-06T13:59:59Z'), NY)).toBe(false);
    expect(isWithinWorkingHours(at('2026-11-06T21:59:00Z'), NY)).toBe(true); // 16:59
    expect(isWithinWorkingHours(at('2026-11-06T22:00:00Z'), NY)).toBe(false); // 17:00
    expect(isWithinWorkingHours(at('2026-11-07T15:00:00Z'), NY)).toBe(false); // Saturday
    expect(isWithinWorkingHours(at('2026-11-26T15:00:00Z'), NY)).toBe(false); // Thanksgiving
  });
});

describe('nextWorkingInstant', () => {
  it('moves Friday 18:30 to Monday 09:00', () => {
    expect(iso(nextWorkingInstant(at('2026-11-06T23:30:00Z'), NY))).toBe('2026-11-09T14:00:00.000Z');
  });

  it('moves across a DST change and still lands on 09:00 local', () => {
    expect(iso(nextWorkingInstant(at('2026-10-30T22:30:00Z'), NY))).toBe('2026-11-02T14:00:00.000Z'); // Fri 18:30 EDT → Mon 09:00 EST
    expect(iso(nextWorkingInstant(at('2026-03-07T17:00:00Z'), NY))).toBe('2026-03-09T13:00:00.000Z'); // Sat noon EST → Mon 09:00 EDT
  });

  it('keeps an instant already inside working hours and lifts an early one to the start', () => {
    expect(iso(nextWorkingInstant(at('2026-11-10T16:12:00Z'), NY))).toBe('2026-11-10T16:12:00.000Z');
    expect(iso(nextWorkingInstant(at('2026-11-10T12:00:00Z'), NY))).toBe('2026-11-10T14:00:00.000Z'); // 07:00 → 09:00
  });

  it('skips holidays', () => {
    expect(iso(nextWorkingInstant(at('2026-11-25T23:00:00Z'), { ...NY, holidays: ['2026-11-26', '2026-11-27'] }))).toBe(
      '2026-11-30T14:00:00.000Z',
    );
  });

  it('refuses working hours that end before they start', () => {
    expect(() =>
      nextWorkingInstant(at('2026-11-10T16:00:00Z'), { ...NY, workdayStart: '17:00', workdayEnd: '09:00' }),
    ).toThrow(CalendarInputError);
  });
});

describe('sendInstantOn', () => {
  it('uses the send time, or the start of working hours when the send time is outside them', () => {
    expect(iso(sendInstantOn('2026-11-10', '10:00', NY))).toBe('2026-11-10T15:00:00.000Z');
    expect(iso(sendInstantOn('2026-11-10', '07:30', NY))).toBe('2026-11-10T14:00:00.000Z');
    expect(iso(sendInstantOn('2026-11-10', '18:00', NY))).toBe('2026-11-10T14:00:00.000Z');
    expect(() => sendInstantOn('2026-11-07', '10:00', NY)).toThrow(/not a business day/);
  });
});
