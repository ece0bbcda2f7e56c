import { describe, expect, it } from 'vitest';
import { analyseMetric } from '../../src/domain/metric-analysis.js';
import { wrapText } from '../../src/infra/charts/chart-text.js';
import { buildDepartmentOverviewConfigs, planOverviewGrid } from '../../src/infra/charts/overview-chart-spec.js';
import { buildVarianceChartInput, labelPeriodShort } from '../../src/infra/charts/variance-chart-input.js';
import {
  buildVarianceChartConfig,
  type ChartJsonConfig,
  STATUS_STYLE,
  type VarianceChartInput,
} from '../../src/infra/charts/variance-chart-spec.js';
import { INSPECTION_DAYS, ON_TIME, PRESSURE } from './sample-charts.js';

const dataset = (cfg: ChartJsonConfig, label: string) => cfg.data.datasets.find((d) => d.label === label);
const titleOf = (cfg: ChartJsonConfig) => [cfg.options?.plugins?.title?.text ?? ''].flat().join(' ');

const SMALL: VarianceChartInput = {
  title: 'Potholes filled within 48 h',
  unit: '%',
  decimals: 0,
  polarity: 'higher_is_better',
  tolerance: 5,
  points: [
    { label: 'Jan', actual: 96, target: 90, status: 'on_target', signal: false },
    { label: 'Feb', actual: 87, target: 90, status: 'near', signal: false },
    { label: 'Mar', actual: null, target: 90, status: 'no_data', signal: false },
    { label: 'Apr', actual: 70, target: 90, status: 'off_target', signal: true },
  ],
  segments: [
    {
      from: 0,
      to: 3,
      centre: [84.3333, 84.3333],
      lower: [50.1234, 50.1234],
      upper: [118.5432, 118.5432],
      trend: false,
      provisional: true,
    },
  ],
};

describe('buildVarianceChartConfig', () => {
  it('keeps the structure the renderers rely on (small golden check)', () => {
    const cfg = buildVarianceChartConfig(SMALL);
    expect(cfg.type).toBe('line');
    expect(cfg.data.labels).toEqual(['Jan', 'Feb', 'Mar', 'Apr']);
    expect(cfg.data.datasets.map((d) => [d.type, d.label])).toEqual([
      ['line', 'On target'],
      ['line', 'Near target'],
      ['line', 'Off target'],
      ['line', 'Signal (XmR)'],
      ['line', 'Actual'],
      ['line', 'Target'],
      ['line', 'Average and process limits'],
      ['bar', 'Near-target zone'],
    ]);
    expect(cfg.options).toMatchObject({ responsive: false, animation: false });
  });

  it('is plain JSON: nothing is lost in a round trip, so QuickChart gets the same chart', () => {
    for (const input of [SMALL, ON_TIME, INSPECTION_DAYS, PRESSURE, { ...SMALL, compact: true }]) {
      const cfg = buildVarianceChartConfig(input);
      expect(JSON.parse(JSON.stringify(cfg))).toStrictEqual(cfg);
    }
  });

  it('colours and shapes each point by its status, and only where that status applies', () => {
    const cfg = buildVarianceChartConfig(SMALL);
    expect(dataset(cfg, 'On target')).toMatchObject({
      data: [96, null, null, null],
      pointBackgroundColor: STATUS_STYLE.on_target.colour,
      pointStyle: 'circle',
    });
    expect(dataset(cfg, 'Near target')).toMatchObject({
      data: [null, 87, null, null],
      pointBackgroundColor: '#E69F00',
      pointStyle: 'rectRot',
    });
    expect(dataset(cfg, 'Off target')).toMatchObject({
      data: [null, null, null, 70],
      pointBackgroundColor: '#D55E00',
      pointStyle: 'rect',
    });
    expect(dataset(cfg, 'Actual')?.data).toEqual([96, 87, null, 70]); // the gap stays a gap
  });

  it('rings the signal points and leaves the ring out when there is none', () => {
    expect(dataset(buildVarianceChartConfig(SMALL), 'Signal (XmR)')?.data).toEqual([null, null, null, 70]);
    const quiet = { ...SMALL, points: SMALL.points.map((p) => ({ ...p, signal: false })) };
    expect(dataset(buildVarianceChartConfig(quiet), 'Signal (XmR)')).toBeUndefined();
  });

  it('puts the status words in the title, in full and compact charts', () => {
    expect(titleOf(buildVarianceChartConfig(SMALL))).toBe('Potholes filled within 48 h — Off target');
    expect(titleOf(buildVarianceChartConfig(ON_TIME))).toContain('Off target');
    expect(titleOf(buildVarianceChartConfig({ ...INSPECTION_DAYS, compact: true }))).toContain('On target');
    expect(titleOf(buildVarianceChartConfig({ ...SMALL, points: [] }))).toContain('No data');
  });

  it('describes the latest value under the title unless given a note', () => {
    expect(buildVarianceChartConfig(SMALL).options?.plugins?.subtitle?.text).toEqual([
      'Apr: 70% vs target 90% (higher is better)',
    ]);
    expect(buildVarianceChartConfig(ON_TIME).options?.plugins?.subtitle?.text).toEqual([
      '87.6% in Dec 2026 is below the lower limit (88.7%) of the process',
      'since it shifted down from 94.5% in May 2026 (average 90.3%,',
      'provisional: 7 months) —',
      'a deterioration',
    ]);
  });

  it('draws the tolerance zone on the side the polarity allows', () => {
    const band = (polarity: VarianceChartInput['polarity']) =>
      buildVarianceChartConfig({ ...SMALL, polarity }).data.datasets.find((d) => d.type === 'bar');
    expect(band('higher_is_better')?.data[0]).toEqual([85, 90]);
    expect(band('lower_is_better')?.data[0]).toEqual([90, 95]);
    expect(band('within_band')).toMatchObject({
      label: 'Target band ±5',
      data: [
        [85, 95],
        [85, 95],
        [85, 95],
        [85, 95],
      ],
    });
    expect(buildVarianceChartConfig({ ...SMALL, tolerance: 0 }).data.datasets.some((d) => d.type === 'bar')).toBe(
      false,
    );
  });

  it('draws the limits as three two-point lines, rounded', () => {
    expect(dataset(buildVarianceChartConfig(SMALL), 'Average and process limits')?.data).toEqual([
      { x: 'Jan', y: 118.54 },
      { x: 'Apr', y: 118.54 },
      { x: 'Jan', y: null },
      { x: 'Jan', y: 84.33 },
      { x: 'Apr', y: 84.33 },
      { x: 'Jan', y: null },
      { x: 'Jan', y: 50.12 },
      { x: 'Apr', y: 50.12 },
    ]);
    expect(dataset(buildVarianceChartConfig({ ...SMALL, segments: [] }), 'Average and process limits')).toBeUndefined();
  });

  it('shows only the 24 most recent periods', () => {
    const points = Array.from({ length: 30 }, (_, i) => ({
      label: `P${i}`,
      actual: i,
      target: 10,
      status: 'on_target' as const,
      signal: false,
    }));
    const cfg = buildVarianceChartConfig({ ...SMALL, points });
    expect(cfg.data.labels).toHaveLength(24);
    expect(cfg.data.labels?.[0]).toBe('P6');
    expect(cfg.data.labels?.[23]).toBe('P29');
  });
});

describe('overview and text helpers', () => {
  it('builds compact panels without legends and plans the grid', () => {
    const cfgs = buildDepartmentOverviewConfigs([ON_TIME, INSPECTION_DAYS, PRESSURE]);
    expect(cfgs.map((c) => c.options?.plugins?.legend?.display)).toEqual([false, false, false]);
    expect(planOverviewGrid(3, 'Public Works', 2)).toMatchObject({ columns: 2, key: true });
    expect(planOverviewGrid(7, 'Public Works', 2).columns).toBe(3);
    expect(() => buildDepartmentOverviewConfigs(Array.from({ length: 13 }, () => ON_TIME))).toThrow(RangeError);
  });

  it('wraps at " — " before wrapping words', () => {
    expect(wrapText('Short — fine', 42)).toEqual(['Short — fine']);
    expect(wrapText('Service requests closed on time — Off target', 42)).toEqual([
      'Service requests closed on time —',
      'Off target',
    ]);
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});

describe('buildVarianceChartInput', () => {
  it('carries the analysis: short labels, statuses, signals, limits and the signal sentence', () => {
    expect(ON_TIME.points).toHaveLength(24);
    expect(ON_TIME.points[0]).toEqual({
      label: 'Jan 25',
      actual: 94.1,
      target: 93,
      status: 'on_target',
      signal: false,
    });
    expect(ON_TIME.points[23]).toEqual({
      label: 'Dec 26',
      actual: 87.6,
      target: 95,
      status: 'off_target',
      signal: true,
    });
    expect(INSPECTION_DAYS.points[13]).toMatchObject({
      label: 'Feb 26',
      actual: null,
      status: 'no_data',
      signal: false,
    });
    expect(ON_TIME.note).toBe(
      '87.6% in Dec 2026 is below the lower limit (88.7%) of the process since it shifted down from 94.5% in May 2026 (average 90.3%, provisional: 7 months) — a deterioration',
    );
    // The slide re-baselined from May 2026: two segments, a change point, no line across it.
    expect(ON_TIME.changePoints).toEqual([16]);
    expect(ON_TIME.segments?.map((s) => [s.from, s.to, s.provisional])).toEqual([
      [0, 15, false],
      [16, 23, true],
    ]);
    expect(ON_TIME.segments?.[1]?.lower[0]).toBeCloseTo(88.67, 2);
    // A steady fall is a trend: one sloped centre line, named in the title.
    expect(INSPECTION_DAYS.segments).toHaveLength(1);
    expect(INSPECTION_DAYS.segments?.[0]?.trend).toBe(true);
    expect(INSPECTION_DAYS.trendLabel).toBe('falling trend');
    expect(INSPECTION_DAYS.note).toMatch(/^Falling about 3\.9 days a month for 24 months \(since Jan 2025\)/);
  });

  it('draws each segment on its own, marks the change point, and labels a trend', () => {
    const cfg = buildVarianceChartConfig(ON_TIME);
    const limits = dataset(cfg, 'Average and process limits')?.data as { x: string; y: number | null }[];
    // Two segments × three lines, each two points, pen lifted between: 6 × 2 + 5 = 17 points.
    expect(limits).toHaveLength(17);
    expect(limits.slice(0, 2).map((p) => p.x)).toEqual(['Jan 25', 'Apr 26']);
    expect(limits.filter((p) => p.y !== null && p.x === 'May 26')).toHaveLength(3);
    expect(dataset(cfg, 'Process changed (May 26)')?.data).toHaveLength(2);
    const trend = buildVarianceChartConfig(INSPECTION_DAYS);
    expect(titleOf(trend)).toContain('falling trend');
    expect(dataset(trend, 'Average or trend line, and process limits')).toBeDefined();
  });

  it('labels quarters and leaves collapsed limits off', () => {
    expect(labelPeriodShort('2026-Q3')).toBe('Q3 26');
    const rule = { polarity: 'higher_is_better', tolerance: 1, decimals: 0 } as const;
    const points = ['2026-01', '2026-02', '2026-03'].map((period) => ({ period, actual: 5, target: 5 }));
    const input = buildVarianceChartInput(
      { name: 'Flat', unit: '', rule },
      analyseMetric({ rule, points, ytdAggregation: 'mean' }),
      points,
    );
    expect(input.segments).toEqual([]);
  });
});
