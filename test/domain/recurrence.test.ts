import { describe, expect, it } from 'vitest';
import {
  nextOccurrences,
  occurrenceInMonth,
  parseRecurrence,
  rotationGroupFor,
} from '../../src/domain/meetings/recurrence.js';

const NY = 'America/New_York';
const rule = (text: string) => {
  const r = parseRecurrence(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('meeting recurrence', () => {
  it('parses the usual forms and rejects others', () => {
    expect(rule('second Tuesday 10:00')).toEqual({ ordinal: 2, weekday: 2, hour: 10, minute: 0 });
    expect(rule('Last thursday at 14:30')).toEqual({ ordinal: -1, weekday: 4, hour: 14, minute: 30 });
    expect(parseRecurrence('every day').ok).toBe(false);
    expect(parseRecurrence('second Sunday 10:00').ok).toBe(false);
  });

  it('finds the second Tuesday at 10:00 local, on both sides of a DST change', () => {
    // December 2026: Tuesdays are 1, 8 → second is 8 Dec, EST (UTC−5) → 15:00Z.
    expect(occurrenceInMonth(rule('second Tuesday 10:00'), 2026, 12, NY).toISOString()).toBe(
      '2026-12-08T15:00:00.000Z',
    );
    // October 2026: Tuesdays 6, 13 → 13 Oct, EDT (UTC−4) → 14:00Z.
    expect(occurrenceInMonth(rule('second Tuesday 10:00'), 2026, 10, NY).toISOString()).toBe(
      '2026-10-13T14:00:00.000Z',
    );
  });

  it('finds the last Thursday (November 2026: the 26th)', () => {
    expect(occurrenceInMonth(rule('last Thursday 09:00'), 2026, 11, NY).toISOString()).toBe('2026-11-26T14:00:00.000Z');
  });

  it('lists the next meetings strictly after an instant', () => {
    const after = new Date('2026-12-08T15:00:00Z'); // exactly the December meeting
    expect(nextOccurrences(rule('second Tuesday 10:00'), after, 2, NY).map((d) => d.toISOString())).toEqual([
      '2027-01-12T15:00:00.000Z', // Tuesdays in Jan 2027: 5, 12
      '2027-02-09T15:00:00.000Z', // Tuesdays in Feb 2027: 2, 9
    ]);
  });

  it('rotates department groups month by month', () => {
    const rotation = [
      ['DPW', 'WATER'],
      ['CODE', 'FIRE'],
    ];
    const dec = rotationGroupFor(rotation, new Date('2026-12-08T15:00:00Z'), NY);
    const jan = rotationGroupFor(rotation, new Date('2027-01-12T15:00:00Z'), NY);
    expect(dec).not.toEqual(jan);
    expect([dec, jan].flat().sort()).toEqual(['CODE', 'DPW', 'FIRE', 'WATER']);
  });
});

describe('packet time', async () => {
  const { computePacketTime } = await import('../../src/domain/meetings/packet-time.js');
  const cal = { timezone: NY, workdayStart: '09:00', workdayEnd: '17:00', holidays: ['2026-12-04'] };
  it('is exactly the lead time before when that is a working time', () => {
    // Thu 10 Dec 10:00 EST meeting → Tue 8 Dec 10:00
    expect(computePacketTime(new Date('2026-12-10T15:00:00Z'), 48, '10:00', cal).toISOString()).toBe(
      '2026-12-08T15:00:00.000Z',
    );
  });
  it('moves earlier, never later, when the lead time lands on a weekend', () => {
    // Tue 8 Dec 10:00 − 48 h = Sun 6 Dec 10:00 → Fri 4 Dec is a holiday here → Thu 3 Dec 10:00
    expect(computePacketTime(new Date('2026-12-08T15:00:00Z'), 48, '10:00', cal).toISOString()).toBe(
      '2026-12-03T15:00:00.000Z',
    );
  });
  it('moves to the same morning when the lead time lands in the evening', () => {
    // Thu 10 Dec 08:00 meeting − 48 h = Tue 8 Dec 08:00 (before 09:00) → Mon 7 Dec 10:00
    expect(computePacketTime(new Date('2026-12-10T13:00:00Z'), 48, '10:00', cal).toISOString()).toBe(
      '2026-12-07T15:00:00.000Z',
    );
  });
});
