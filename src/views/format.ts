// How targets, variances and statuses read in messages (numbers themselves: domain/number-format.ts,
// dates: domain/calendar). Status always has words and a symbol, never colour alone.

import { formatMetricNumber, formatWithUnit } from '../domain/number-format.js';
import type { MetricRule, Status } from '../domain/types.js';

export function describeTarget(rule: MetricRule, target: number | null, unit: string): string {
  if (target === null) return 'no target set';
  const t = formatWithUnit(target, unit, rule.decimals);
  if (rule.polarity === 'higher_is_better') return `target ≥ ${t}`;
  if (rule.polarity === 'lower_is_better') return `target ≤ ${t}`;
  return `target ${t} ± ${formatMetricNumber(rule.tolerance, rule.decimals)}`;
}

const STATUS_TEXT: Record<Status, string> = {
  on_target: ':large_green_circle: On target',
  near: ':large_yellow_circle: Near target',
  off_target: ':red_circle: Off target',
  no_data: ':white_circle: No data',
  no_target: ':white_circle: No target',
};

export function statusText(status: Status): string {
  return STATUS_TEXT[status];
}

export function formatVariance(actual: number, target: number | null, unit: string, decimals: number): string {
  if (target === null) return '—';
  const diff = actual - target;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const abs = formatMetricNumber(Math.abs(diff), decimals);
  const pct = target !== 0 ? ` (${sign}${formatMetricNumber(Math.abs((diff / target) * 100), 1)}%)` : '';
  return `${sign}${unit === '%' ? `${abs} pts` : unit === '$' ? `$${abs}` : abs}${unit === '%' ? '' : pct}`;
}
