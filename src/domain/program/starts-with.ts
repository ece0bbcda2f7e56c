// Where collection begins. A program (or one department) starts with one period; every period
// that closes before that one closes is never collected, reminded or escalated. Comparing closing
// days lets one start serve monthly and quarterly metrics alike: starting with 2026-11 collects
// November onwards and Q4 2026 onwards (Q4 closes after November), but not Q3.
import { periodContaining, periodStartEnd } from '../calendar/index.js';
import type { PeriodKey } from '../types.js';

/** True when `period` is collected under a start of `startsWith` (null = no start recorded: no limit). */
export function isCollectedPeriod(period: PeriodKey, startsWith: PeriodKey | null): boolean {
  return startsWith === null || periodStartEnd(period).end >= periodStartEnd(startsWith).end;
}

/** The default start: the month in progress on `today` (local date), i.e. the next period to close. */
export function defaultStartsWith(today: string): PeriodKey {
  return periodContaining(today, 'monthly');
}

/**
 * A department's start: the department's own `starts_with`, else the program's, else what was
 * recorded at an earlier import (re-importing a file must not move the start forward), else the
 * period in progress.
 */
export function resolveStartsWith(input: {
  department?: PeriodKey;
  program?: PeriodKey;
  recorded: PeriodKey | null;
  today: string;
}): PeriodKey {
  return input.department ?? input.program ?? input.recorded ?? defaultStartsWith(input.today);
}
