// A weekly metric's variance chart: its weeks (ISO, across a year with week 53), each with its status.
import { describe, expect, it } from 'vitest';
import { analyseMetric } from '../../src/domain/metric-analysis.js';
import { buildVarianceChartInput } from '../../src/infra/charts/variance-chart-input.js';

describe('a weekly metric charted', () => {
  it('draws its weeks, labelled by ISO week, with status against the target', () => {
    const rule = { polarity: 'lower_is_better', tolerance: 25, decimals: 0, min: 0, max: null } as const;
    const weeks = ['2026-W50', '2026-W51', '2026-W52', '2026-W53', '2027-W01'];
    const history = weeks.map((period, i) => ({ period, actual: 140 + 20 * i, target: 150, note: null }));
    const analysis = analyseMetric({ rule, unit: 'complaints', points: history, ytdAggregation: 'mean' });
    const chart = buildVarianceChartInput({ name: 'Open complaints', unit: 'complaints', rule }, analysis, history);
    expect(chart.points.map((p) => p.label)).toEqual(['W50 26', 'W51 26', 'W52 26', 'W53 26', 'W1 27']);
    // Lower is better, target 150, tolerance 25: 140 on target, 160 near, 180 and beyond off.
    expect(chart.points.map((p) => p.status)).toEqual(['on_target', 'near', 'off_target', 'off_target', 'off_target']);
  });
});
