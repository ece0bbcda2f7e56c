// Everything needed to judge a department's values for one period: each active metric with its
// rule, the target in force, last period's value and its usual range from its own history.
import type { Db } from '../../infra/db-types.js';
import type { MetricRule, Polarity } from '../../domain/types.js';
import { targetFor } from '../../domain/targets.js';
import { computeXmrLimits } from '../../domain/xmr.js';

/** How many past periods define a metric's usual range (two years of monthly data). */
const HISTORY_WINDOW = 24;

export interface MetricContext {
  id: number;
  key: string;
  name: string;
  unit: string;
  frequency: string;
  rule: MetricRule;
  target: number | null;
  history: { period: string; value: number | null }[];
  current: { value: number | null; notAvailable: boolean; note: string | null; revision: number } | null;
  usualRange: { lower: number; upper: number } | null;
}

export function ruleOf(m: { polarity: string; tolerance: number; decimals: number; minValue: number | null; maxValue: number | null }): MetricRule {
  return { polarity: m.polarity as Polarity, tolerance: m.tolerance, decimals: m.decimals, min: m.minValue, max: m.maxValue };
}

export async function loadMetricContexts(db: Db, departmentId: number, period: string): Promise<MetricContext[]> {
  const metrics = await db.metric.findMany({
    where: { departmentId, active: true },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    include: { targets: true, values: { where: { period: { lte: period } }, orderBy: { period: 'desc' }, take: HISTORY_WINDOW + 1 } },
  });
  // A quarterly metric is only due in the quarter's period key; a monthly key never matches it.
  const due = metrics.filter((m) => (m.frequency === 'quarterly') === period.includes('Q'));
  return due.map((m) => {
    const current = m.values.find((v) => v.period === period) ?? null;
    const past = m.values.filter((v) => v.period < period).reverse();
    const series = past.map((v) => v.value).filter((v): v is number => v !== null);
    const limits = series.length >= 6 ? computeXmrLimits(series) : null;
    return {
      id: m.id, key: m.key, name: m.name, unit: m.unit, frequency: m.frequency, rule: ruleOf(m),
      target: targetFor(m.targets, period),
      history: past.map((v) => ({ period: v.period, value: v.value })),
      current: current && { value: current.value, notAvailable: current.notAvailable, note: current.note, revision: current.revision },
      usualRange: limits && !limits.collapsed ? { lower: limits.lower, upper: limits.upper } : null,
    };
  });
}
