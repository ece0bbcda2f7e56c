// One metric in one line of mrkdwn: value, target, variance, status and signal — the unit every
// packet table and agenda item is built from.

import { formatPeriodLabel, MONTH_NAMES, monthOfWeek, parsePeriodKey, weeksOfMonth } from '../domain/calendar/index.js';
import type { MetricAnalysis } from '../domain/metric-analysis.js';
import { describeOffTargetRun } from '../domain/metric-analysis.js';
import { formatWithUnit } from '../domain/number-format.js';
import type { ValueOrigin } from '../domain/sources/value-origin.js';
import { fiscalYearName } from '../domain/trend.js';
import type { MetricRule } from '../domain/types.js';
import { describeTarget, formatVariance, statusText } from './format.js';
import { escapeMrkdwn } from './mrkdwn.js';

export interface AnalysedMetric {
  metricId: number;
  key: string;
  name: string;
  unit: string;
  rule: MetricRule;
  history: { period: string; actual: number | null; target: number | null; note: string | null }[];
  analysis: MetricAnalysis;
  note: string | null;
  /** Where this period's value came from; null when there is no value. */
  origin: ValueOrigin | null;
}

export interface AnalysedDepartment {
  id: number;
  key: string;
  name: string;
  metrics: AnalysedMetric[];
}

export function metricValueText(m: AnalysedMetric): string {
  const a = m.analysis;
  if (a.actual === null) return `${statusText('no_data')} (${describeTarget(m.rule, a.target, m.unit)})`;
  const variance = formatVariance(a.actual, a.target, m.unit, m.rule.decimals);
  return `${formatWithUnit(a.actual, m.unit, m.rule.decimals)} (${describeTarget(m.rule, a.target, m.unit)}; variance ${variance}) · ${statusText(a.status)}`;
}

export function signalText(m: AnalysedMetric): string {
  const s = m.analysis.signal;
  if (!s.isSignal) return `_${escapeMrkdwn(s.text)}_`;
  const icon =
    s.direction === 'unfavourable' ? ':rotating_light:' : s.direction === 'favourable' ? ':seedling:' : ':mag:';
  return `${icon} *${escapeMrkdwn(s.text)}*`;
}

/** "FY2027 to date (Jul–Oct, 4 months): 93.4% against 95.0%"; null before the year has a value. */
export function yearToDateText(m: AnalysedMetric): string | null {
  const y = m.analysis.ytd;
  if (!y || y.actual === null || y.periodsCounted === 0) return null;
  const first = parsePeriodKey(y.fiscalYearStart);
  const from = `${MONTH_NAMES[first.index - 1]?.slice(0, 3)} ${first.year}`;
  const how = y.aggregation === 'sum' ? 'total' : y.aggregation === 'mean' ? 'average' : 'latest';
  const target = y.target === null ? '' : ` against ${formatWithUnit(y.target, m.unit, m.rule.decimals)}`;
  const n = y.periodsCounted;
  const unit = m.analysis.frequency === 'quarterly' ? 'quarter' : m.analysis.frequency === 'weekly' ? 'week' : 'month';
  return `${fiscalYearName(y.fiscalYearStart)} to date (since ${from}, ${n} ${unit}${n === 1 ? '' : 's'}, ${how}): ${formatWithUnit(y.actual, m.unit, m.rule.decimals)}${target}`;
}

/**
 * "pulled from the 311 database" / "changed by the department from 131 units pulled from …"; null
 * for a typed value, which needs no mark (the packet's department line counts them).
 */
export function originText(m: AnalysedMetric): string | null {
  const o = m.origin;
  if (!o || o.kind === 'typed') return null;
  if (o.kind === 'pulled') return `pulled from ${escapeMrkdwn(o.source)}`;
  return `changed by the department from ${formatWithUnit(o.pulledValue, m.unit, m.rule.decimals)} pulled from ${escapeMrkdwn(o.source)}`;
}

/** A weekly metric in a monthly packet: "Weeks of October 2026: W40 91.0% · W41 88.0% · …". */
export function monthWeeksText(m: AnalysedMetric): string | null {
  const week = m.analysis.period;
  if (m.analysis.frequency !== 'weekly' || !week) return null;
  const month = monthOfWeek(week);
  const values = weeksOfMonth(month).map((w) => {
    const v = m.history.find((h) => h.period === w)?.actual ?? null;
    return `W${Number(w.slice(-2))} ${v === null ? '—' : formatWithUnit(v, m.unit, m.rule.decimals)}`;
  });
  return `Weeks of ${formatPeriodLabel(month)}: ${values.join(' · ')}`;
}

export function metricDetailText(m: AnalysedMetric): string {
  const origin = originText(m);
  const parts = [origin ? `${metricValueText(m)} · _${origin}_` : metricValueText(m), signalText(m)];
  const weeks = monthWeeksText(m);
  if (weeks) parts.push(weeks);
  const run = describeOffTargetRun(m.analysis);
  if (run) parts.push(run);
  const ytd = yearToDateText(m);
  if (ytd) parts.push(`_${escapeMrkdwn(ytd)}_`);
  if (m.note) parts.push(`> ${escapeMrkdwn(m.note.slice(0, 600)).replace(/\n/g, ' ')}`);
  return parts.join('\n');
}
