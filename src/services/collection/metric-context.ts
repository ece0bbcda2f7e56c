// Everything needed to judge a department's values for one period: each active metric with its
// rule, the target in force, last period's value and its usual range from its own history.

import { frequencyOfPeriod } from '../../domain/calendar/index.js';
import type { EntryInput } from '../../domain/submission/validate-entries.js';
import { targetFor } from '../../domain/targets.js';
import type { MetricRule, Polarity } from '../../domain/types.js';
import { computeXmrLimits } from '../../domain/xmr.js';
import type { Db } from '../../infra/db-types.js';

/** How many past periods the form loads (two years of monthly data). */
const HISTORY_WINDOW = 24;
/** The plausibility check looks at the last year only, so a metric that is improving is not flagged. */
const PLAUSIBILITY_WINDOW = 12;

/**
 * The range a new value is "usual" in: the recent span widened by three average moving ranges
 * (XmR's measure of routine month-to-month movement). Wider than process limits on purpose: it is
 * a typo and slipped-decimal check, not a signal test, and must tolerate a steady trend.
 */
function plausibleRange(
  series: number[],
  min: number | null,
  max: number | null,
): { lower: number; upper: number } | null {
  const recent = series.slice(-PLAUSIBILITY_WINDOW);
  if (recent.length < 6) return null;
  const limits = computeXmrLimits(recent);
  if (!limits || limits.collapsed) return null;
  const margin = 3 * limits.averageMovingRange;
  return {
    lower: Math.max(Math.min(...recent) - margin, min ?? -Infinity),
    upper: Math.min(Math.max(...recent) + margin, max ?? Infinity),
  };
}

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

/** A form's (or a confirmation's) raw entry for this metric, with what validating it needs. */
export function entryInputOf(c: MetricContext, raw: EntryInput['raw']): EntryInput {
  return {
    metricId: c.id,
    rule: c.rule,
    unit: c.unit,
    target: c.target,
    usualRange: c.usualRange,
    lastValue: [...c.history].reverse().find((h) => h.value !== null)?.value ?? null,
    raw,
  };
}

export function ruleOf(m: {
  polarity: string;
  tolerance: number;
  decimals: number;
  minValue: number | null;
  maxValue: number | null;
}): MetricRule {
  return {
    polarity: m.polarity as Polarity,
    tolerance: m.tolerance,
    decimals: m.decimals,
    min: m.minValue,
    max: m.maxValue,
  };
}

/** One metric row as read, with its targets and its latest values as JSON arrays. */
interface MetricRow {
  id: number;
  key: string;
  name: string;
  unit: string;
  frequency: string;
  polarity: string;
  tolerance: number;
  decimals: number;
  minValue: number | null;
  maxValue: number | null;
  targets: [effectiveFrom: string, value: number][];
  /** Oldest first: the period itself (if saved) and up to HISTORY_WINDOW before it. */
  latest: [period: string, value: number | null, notAvailable: boolean, note: string | null, revision: number][];
}

/**
 * One statement, one row per metric (issue 11: the form reads this before its ack, and again for the
 * confirmation). Prisma's include sent three statements and brought back a row per value, 100 for a
 * department of four metrics, each parsed by PGlite's thread, pg and Prisma.
 */
export async function loadMetricContexts(db: Db, departmentId: number, period: string): Promise<MetricContext[]> {
  const metrics = await db.$queryRaw<MetricRow[]>`
    SELECT m.id, m.key, m.name, m.unit, m.frequency, m.polarity, m.tolerance, m.decimals, m."minValue", m."maxValue",
      (SELECT COALESCE(json_agg(json_build_array(t."effectiveFrom", t.value)), '[]')
        FROM "MetricTarget" t WHERE t."metricId" = m.id) AS targets,
      (SELECT COALESCE(json_agg(json_build_array(v.period, v.value, v."notAvailable", v.note, v.revision) ORDER BY v.period), '[]')
        FROM (SELECT period, value, "notAvailable", note, revision FROM "MetricValue"
          WHERE "metricId" = m.id AND period <= ${period} ORDER BY period DESC LIMIT ${HISTORY_WINDOW + 1}) v) AS latest
    FROM "Metric" m
    WHERE m."departmentId" = ${departmentId} AND m.active
    ORDER BY m."sortOrder", m.id`;
  // A metric is only due in periods of its own frequency (a quarterly one in quarter keys, a weekly one in weeks).
  const due = metrics.filter((m) => m.frequency === frequencyOfPeriod(period));
  return due.map((m) => {
    const saved = m.latest.find(([p]) => p === period);
    const past = m.latest.filter(([p]) => p < period).map(([p, value]) => ({ period: p, value }));
    const series = past.map((v) => v.value).filter((v): v is number => v !== null);
    return {
      id: m.id,
      key: m.key,
      name: m.name,
      unit: m.unit,
      frequency: m.frequency,
      rule: ruleOf(m),
      target: targetFor(
        m.targets.map(([effectiveFrom, value]) => ({ effectiveFrom, value })),
        period,
      ),
      history: past,
      current: saved ? { value: saved[1], notAvailable: saved[2], note: saved[3], revision: saved[4] } : null,
      usualRange: plausibleRange(series, m.minValue, m.maxValue),
    };
  });
}
