// Targets change over time (a city raises the bar each fiscal year); a value is judged against
// the target in force for its own period, not today's.
import type { PeriodKey } from './types.js';

export interface DatedTarget {
  effectiveFrom: PeriodKey;
  value: number;
}

/** "2026-Q3" → "2026-07" so monthly and quarterly keys compare on one scale. */
function firstMonthOf(period: PeriodKey): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!q) return period;
  return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}`;
}

export function targetFor(targets: readonly DatedTarget[], period: PeriodKey): number | null {
  const at = firstMonthOf(period);
  let best: DatedTarget | null = null;
  for (const t of targets) {
    const from = firstMonthOf(t.effectiveFrom);
    if (from <= at && (!best || from > firstMonthOf(best.effectiveFrom))) best = t;
  }
  return best ? best.value : null;
}
