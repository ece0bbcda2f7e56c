// Sample inputs shared by the chart tests: realistic metrics run through the real analysis.
import { analyseMetric, type MetricPoint } from '../../src/domain/metric-analysis.js';
import { buildVarianceChartInput, type ChartedMetric } from '../../src/infra/charts/variance-chart-input.js';
import type { VarianceChartInput } from '../../src/infra/charts/variance-chart-spec.js';

/** Monthly points from 2025-01 on. */
function monthly(values: (number | null)[], target: (i: number) => number | null): MetricPoint[] {
  return values.map((actual, i) => ({
    period: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    actual,
    target: target(i),
  }));
}

/** Run through the real analysis: segments, trends and signals as the packet would show them. */
function buildSample(metric: ChartedMetric, points: MetricPoint[]): VarianceChartInput {
  return buildVarianceChartInput(
    metric,
    analyseMetric({ rule: metric.rule, unit: metric.unit, points, ytdAggregation: 'mean' }),
    points,
  );
}

// % of service requests closed on time: a slide over the last year, target raised from 93 to 95.
const onTime = [
  94.1, 95.3, 93.8, 94.6, 95.8, 94.9, 93.9, 95.2, 94.4, 95.6, 94.8, 95.1, 94.5, 93.6, 93.9, 92.8, 92.1, 91.7, 90.9,
  90.2, 89.8, 89.1, 88.4, 87.6,
];
export const ON_TIME = buildSample(
  {
    name: 'Service requests closed on time',
    unit: '%',
    rule: { polarity: 'higher_is_better', tolerance: 2, decimals: 1 },
  },
  monthly(onTime, (i) => (i < 12 ? 93 : 95)),
);

// Days from complaint to inspection: lower is better, improving, one missing month.
const days = [
  162,
  158,
  149,
  151,
  140,
  133,
  128,
  131,
  120,
  112,
  109,
  104,
  98,
  null,
  92,
  88,
  91,
  85,
  82,
  79,
  81,
  77,
  76,
  74,
];
export const INSPECTION_DAYS = buildSample(
  {
    name: 'Days from complaint to inspection',
    unit: 'days',
    rule: { polarity: 'lower_is_better', tolerance: 10, decimals: 0 },
  },
  monthly(days, () => 80),
);

// Mains pressure, to be held within a band around 10.
const band = [
  10.2, 9.8, 10.5, 10.1, 9.6, 10.9, 11.4, 10.3, 9.9, 10.0, 10.6, 9.7, 10.4, 10.8, 11.2, 10.1, 9.5, 10.2, 11.6, 12.1,
  11.0, 10.4, 10.2, 9.9,
];
export const PRESSURE = buildSample(
  { name: 'Mains pressure (bar × 10)', unit: '', rule: { polarity: 'within_band', tolerance: 0.8, decimals: 1 } },
  monthly(band, () => 10),
);
