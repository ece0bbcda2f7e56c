import { describe, expect, it } from 'vitest';
import { backupsToPrune, isDailyBackupDue, lastQuietInstant } from '../../src/domain/backup/backup-schedule.js';

const NY = 'America/New_York';

describe('the daily backup', () => {
  it('falls at 03:00 local time, today once it has passed, else yesterday', () => {
    expect(lastQuietInstant(new Date('2026-11-10T08:30:00Z'), NY).toISOString()).toBe('2026-11-10T08:00:00.000Z');
    expect(lastQuietInstant(new Date('2026-11-10T07:59:00Z'), NY).toISOString()).toBe('2026-11-09T08:00:00.000Z');
    // Summer time: 03:00 EDT is 07:00 UTC.
    expect(lastQuietInstant(new Date('2026-07-01T12:00:00Z'), NY).toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('is due once per day: never backed up, or last backed up before the latest quiet hour', () => {
    const now = new Date('2026-11-10T08:17:00Z');
    expect(isDailyBackupDue(now, null, NY)).toBe(true);
    expect(isDailyBackupDue(now, new Date('2026-11-09T08:17:00Z'), NY)).toBe(true);
    expect(isDailyBackupDue(now, new Date('2026-11-10T08:05:00Z'), NY)).toBe(false);
    // Down at 03:00, back at noon: it catches up.
    expect(isDailyBackupDue(new Date('2026-11-10T17:00:00Z'), new Date('2026-11-09T08:17:00Z'), NY)).toBe(true);
  });

  it('keeps the newest backups', () => {
    expect(backupsToPrune(['x-1', 'a-2', 'b-3'], 2)).toEqual(['x-1']);
    expect(backupsToPrune(['a-1'], 14)).toEqual([]);
  });
});
