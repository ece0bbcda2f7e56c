// The values of the placeholders for one period: its first and last local day and its key.
import { periodStartEnd } from '../calendar/periods.js';
import type { PeriodParameters } from './placeholders.js';

export function periodParameters(period: string): PeriodParameters {
  const { start, end } = periodStartEnd(period);
  return { period_start: start, period_end: end, period };
}
