import { describe, expect, it } from 'vitest';
import { briefSchema, briefSendDay, quarterClosedBy } from '../../src/domain/brief/brief-schedule.js';

describe('citywide brief schedule', () => {
  it('goes out on the day of the next month, rolled forward past weekends and holidays', () => {
    expect(briefSendDay('2026-10', 10, [])).toBe('2026-11-10');
    // 8 Nov 2026 is a Sunday; 9 Nov a Monday.
    expect(briefSendDay('2026-10', 8, [])).toBe('2026-11-09');
    // December's brief crosses the year; 11 Jan 2027 is a Monday.
    expect(briefSendDay('2026-12', 10, ['2027-01-11'])).toBe('2027-01-12');
  });
  it('reviews the last quarter closed by the month', () => {
    expect(quarterClosedBy('2026-10')).toBe('2026-Q3');
    expect(quarterClosedBy('2026-09')).toBe('2026-Q3');
    expect(quarterClosedBy('2027-02')).toBe('2026-Q4');
  });
  it('needs someone to send it to', () => {
    expect(briefSchema.safeParse({ day: 10 }).success).toBe(false);
    expect(briefSchema.safeParse({ day: 10, people: ['U0CHAIR01'] }).success).toBe(true);
    expect(briefSchema.safeParse({ day: 31, channel: 'C0CABINET' }).success).toBe(false);
  });
});
