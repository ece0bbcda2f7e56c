// A public metric's chart: the packet's own variance-chart spec, drawn from the published series,
// with a text alternative that states what the chart shows.
import { formatPeriodLabel } from '../../../domain/calendar/periods.js';
import { classifyStatus } from '../../../domain/variance.js';
import { renderChartPng } from '../../charts/render-local.js';
import { labelPeriodShort } from '../../charts/variance-chart-input.js';
import {
  buildVarianceChartConfig,
  VARIANCE_CHART_SIZE,
  type VarianceChartInput,
} from '../../charts/variance-chart-spec.js';
import type { PublicMetric } from '../feed-model.js';
import { formatValue, STATUS_WORDS } from './html.js';

export function publicChartInput(m: PublicMetric): VarianceChartInput {
  const r = m.row;
  const rule = { polarity: r.polarity, tolerance: r.tolerance, decimals: r.decimals };
  // The current process's band, as on the packet's chart: from its first period shown to the latest.
  const banded = m.series.flatMap((p, i) => (p.band ? [i] : []));
  const first = banded[0] ?? -1;
  const last = banded.at(-1) ?? -1;
  const a = m.series[first]?.band;
  const b = m.series[last]?.band;
  const segments =
    a && b
      ? [
          {
            from: first,
            to: last,
            centre: [a.centre, b.centre] as [number, number],
            lower: [a.lower, b.lower] as [number, number],
            upper: [a.upper, b.upper] as [number, number],
            trend: a.centre !== b.centre,
            provisional: false,
          },
        ]
      : [];
  return {
    title: r.metric,
    unit: r.unit,
    decimals: r.decimals,
    polarity: r.polarity,
    tolerance: r.tolerance,
    points: m.series.map((p) => ({
      label: labelPeriodShort(p.period),
      actual: p.actual,
      target: p.target,
      status: classifyStatus(p.actual, p.target, rule),
      signal: p.signal,
    })),
    segments,
    note: r.signal,
  };
}

export function renderPublicChartPng(m: PublicMetric): Promise<Buffer> {
  return renderChartPng(buildVarianceChartConfig(publicChartInput(m)), { ...VARIANCE_CHART_SIZE, pixelRatio: 2 });
}

/** One or two sentences: what is drawn, over what span, and where the latest value stands. */
export function chartAltText(m: PublicMetric): string {
  const r = m.row;
  const first = m.series[0]?.period ?? r.period;
  const value = formatValue(r.actual, r.unit, r.decimals);
  const target = r.target === null ? 'no target' : `target ${formatValue(r.target, r.unit, r.decimals)}`;
  return `Chart of ${r.metric}, ${formatPeriodLabel(first)} to ${r.period_label}, actual against target. ${r.period_label}: ${value}, ${target} (${STATUS_WORDS[r.status].label.toLowerCase()}). ${r.signal} The table below lists every value.`;
}
