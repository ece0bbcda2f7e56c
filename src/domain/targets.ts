// Targets change over time (a city raises the bar each fiscal year); a value is judged against
// the target in force for its own period, not today's.
import { firstMonthKey } from './calendar/periods.js';
import type { PeriodKey } from './types.js';

export interface DatedTarget {
  effectiveFrom: PeriodKey;
  value: number;
}

export function targetFor(targets: readonly DatedTarget[], period: PeriodKey): number | null {
  const at = firstMonthKey(period);
  let best: DatedTarget | null = null;
  for (const t of targets) {
    const from = firstMonthKey(t.effectiveFrom);
    if (from <= at && (!best || from > firstMonthKey(best.effectiveFrom))) best = t;
  }
  return best ? best.value : null;
}
