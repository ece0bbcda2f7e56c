// One metric in one line of mrkdwn: value, target, variance, status and signal — the unit every
// packet table and agenda item is built from.

import type { MetricAnalysis } from '../domain/metric-analysis.js';
import { describeOffTargetRun } from '../domain/metric-analysis.js';
import { formatWithUnit } from '../domain/number-format.js';
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
    s.direction === 'deterioration'
      ? ':rotating_light:'
      : s.direction === 'improvement'
        ? ':chart_with_upwards_trend:'
        : ':mag:';
  return `${icon} *${escapeMrkdwn(s.text)}*`;
}

export function metricDetailText(m: AnalysedMetric): string {
  const parts = [metricValueText(m), signalText(m)];
  const run = describeOffTargetRun(m.analysis);
  if (run) parts.push(run);
  if (m.note) parts.push(`> ${escapeMrkdwn(m.note.slice(0, 600)).replace(/\n/g, ' ')}`);
  return parts.join('\n');
}
