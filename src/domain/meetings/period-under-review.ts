// Which period a meeting's packet covers for one department. The meeting reviews the last period
// closed before it starts, but only once that period is due: a packet posted on or before the due
// day would show "no data" for numbers nobody was late with, and posting a packet locks what it
// covers. So a department whose period is not yet due is reviewed on the period before (complete,
// and long past due), and the packet says so.
import { type LocalDate, localDateOf, previousPeriod } from '../calendar/index.js';
import type { PeriodKey } from '../types.js';

/** True once the due day has passed: a due date is the last day to enter numbers, not a deadline at dawn. */
export function isPastDue(dueDate: LocalDate, day: LocalDate): boolean {
  return dueDate < day;
}

export interface PeriodUnderReview {
  period: PeriodKey;
  /** The period the meeting would normally review, when it was not yet due at packet time. */
  notDue: { period: PeriodKey; dueDate: LocalDate } | null;
}

export function periodUnderReview(
  nominal: PeriodKey,
  dueDateOf: (period: PeriodKey) => LocalDate,
  packetAt: Date,
  timezone: string,
): PeriodUnderReview {
  const due = dueDateOf(nominal);
  if (isPastDue(due, localDateOf(packetAt, timezone))) return { period: nominal, notDue: null };
  return { period: previousPeriod(nominal), notDue: { period: nominal, dueDate: due } };
}
