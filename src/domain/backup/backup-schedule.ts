// When the daily backup is due: once per local day, at or after a quiet hour (03:00 in the
// program's time zone, when nobody submits and no reminder goes out). A bot that was down at
// 03:00 catches up when it comes back, rather than skipping a day.
import { addDays } from '../calendar/local-date.js';
import { localDateOf, localTimeOnDate } from '../calendar/zoned-time.js';

export const BACKUP_QUIET_TIME = '03:00';

/** The latest quiet-hour instant at or before `now`. */
export function lastQuietInstant(now: Date, timezone: string): Date {
  const today = localDateOf(now, timezone);
  const todays = localTimeOnDate(today, BACKUP_QUIET_TIME, timezone);
  return todays.getTime() <= now.getTime() ? todays : localTimeOnDate(addDays(today, -1), BACKUP_QUIET_TIME, timezone);
}

export function isDailyBackupDue(now: Date, lastBackupAt: Date | null, timezone: string): boolean {
  return lastBackupAt === null || lastBackupAt.getTime() < lastQuietInstant(now, timezone).getTime();
}

/** The backups to delete so that the newest `keep` remain; `oldestFirst` is in time order. */
export function backupsToPrune(oldestFirst: string[], keep: number): string[] {
  return oldestFirst.slice(0, Math.max(0, oldestFirst.length - keep));
}
