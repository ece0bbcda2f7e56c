import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, isBusinessDay } from '../../../src/domain/calendar/index.js';

const NONE: string[] = [];
const JULY_4TH_OBSERVED = ['2026-07-03']; // a Friday holiday before a weekend
const THANKSGIVING = ['2026-11-26', '2026-11-27'];

describe('isBusinessDay', () => {
  it('is Monday to Friday minus holidays', () => {
    expect(isBusinessDay('2026-11-06', NONE)).toBe(true); // Friday
    expect(isBusinessDay('2026-11-07', NONE)).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-08', NONE)).toBe(false); // Sunday
    expect(isBusinessDay('2026-11-26', THANKSGIVING)).toBe(false);
  });
});

describe('addBusinessDays', () => {
  it('never counts the start day', () => {
    expect(addBusinessDays('2026-11-06', 1, NONE)).toBe('2026-11-09'); // Fri → Mon
    expect(addBusinessDays('2026-11-07', 1, NONE)).toBe('2026-11-09'); // Sat → Mon
    expect(addBusinessDays('2026-11-02', 5, NONE)).toBe('2026-11-09');
  });

  it('with n = 0 keeps a business day and rolls anything else forward', () => {
    expect(addBusinessDays('2026-11-06', 0, NONE)).toBe('2026-11-06');
    expect(addBusinessDays('2026-11-07', 0, NONE)).toBe('2026-11-09');
    expect(addBusinessDays('2026-07-03', 0, JULY_4TH_OBSERVED)).toBe('2026-07-06');
  });

  it('walks back with negative n', () => {
    expect(addBusinessDays('2026-11-09', -1, NONE)).toBe('2026-11-06');
    expect(addBusinessDays('2026-11-08', -1, NONE)).toBe('2026-11-06'); // Sunday − 1 = Friday
    expect(addBusinessDays('2026-07-06', -1, JULY_4TH_OBSERVED)).toBe('2026-07-02');
  });

  it('skips a Friday holiday before a weekend', () => {
    expect(addBusinessDays('2026-07-02', 1, JULY_4TH_OBSERVED)).toBe('2026-07-06');
    expect(addBusinessDays('2026-11-25', 1, THANKSGIVING)).toBe('2026-11-30');
  });

  it('crosses month and year ends', () => {
    expect(addBusinessDays('2026-12-31', 1, ['2027-01-01'])).toBe('2027-01-04');
    expect(addBusinessDays('2028-02-28', 1, NONE)).toBe('2028-02-29');
  });

  it('rejects fractions and malformed dates', () => {
    expect(() => addBusinessDays('2026-11-06', 1.5, NONE)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-02-30', 1, NONE)).toThrow(/not a date/);
  });
});

describe('businessDaysBetween', () => {
  it('counts business days after a up to and including b, signed', () => {
    expect(businessDaysBetween('2026-11-06', '2026-11-06', NONE)).toBe(0);
    expect(businessDaysBetween('2026-11-06', '2026-11-07', NONE)).toBe(0); // due Friday, Saturday: not late yet in business days
    expect(businessDaysBetween('2026-11-06', '2026-11-09', NONE)).toBe(1);
    expect(businessDaysBetween('2026-11-09', '2026-11-06', NONE)).toBe(-1);
    expect(businessDaysBetween('2026-11-25', '2026-11-30', THANKSGIVING)).toBe(1);
    expect(businessDaysBetween('2026-12-24', '2027-01-04', ['2026-12-25', '2027-01-01'])).toBe(5);
  });

  it('inverts addBusinessDays from a business day', () => {
    for (const n of [-7, -1, 0, 1, 2, 5, 12]) {
      expect(businessDaysBetween('2026-11-24', addBusinessDays('2026-11-24', n, THANKSGIVING), THANKSGIVING)).toBe(n);
    }
  });
});
