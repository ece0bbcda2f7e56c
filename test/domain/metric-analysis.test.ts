import { describe, expect, it } from 'vitest';
import {
  analyseMetric,
  describeOffTargetRun,
  type MetricPoint,
  rankAgendaItems,
  scoreAgendaItem,
} from '../../src/domain/metric-analysis.js';
import type { XmrSignalSummary } from '../../src/domain/xmr.js';

// % of service requests closed on time: higher is better, target 95, tolerance 2.
const rule = { polarity: 'higher_is_better', tolerance: 2, decimals: 1 } as const;
const months = (values: (number | null)[], target: number | null = 95): MetricPoint[] =>
  values.map((actual, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}`, actual, target }));

describe('analyseMetric', () => {
  it('combines status, trends, YTD, limits and signal for the latest period', () => {
    const a = analyseMetric({ rule, points: months([96, 94, 92, 91, 90, 89]), ytdAggregation: 'mean' });
    expect(a).toMatchObject({
      period: '2026-06',
      frequency: 'monthly',
      actual: 89,
      target: 95,
      status: 'off_target',
      statusLabel: 'Off target',
      severity: 3,
    }); // (95 − 89) / 2
    expect(a.variance?.absolute).toBe(-6);
    expect(a.variance?.percent).toBeCloseTo(-6.3158, 4); // −6 / 95
    // Statuses: on, near (94 ≥ 93), off, off, off, off → 4 periods off target
    expect(a.periodsOffTarget).toBe(4);
    expect(describeOffTargetRun(a)).toBe('Off target for 4 months');
    // Last 3 (91, 90, 89): slope −1, change −2 — not beyond the tolerance of 2, so flat.
    expect(a.trend3).toMatchObject({ slope: -1, change: -2, direction: 'flat' });
    // All 6: x̄ 2.5, ȳ 92, Σ(x−x̄)(y−ȳ) = −10 −3 +0 −0.5 −3 −7.5 = −24, Σ(x−x̄)² = 17.5 → slope −1.3714
    expect(a.trend12.slope).toBeCloseTo(-24 / 17.5, 10);
    expect(a.trend12.direction).toBe('worsening');
    expect(a.ytd).toMatchObject({ actual: 92, target: 95, periodsCounted: 6 }); // 552 / 6
    // mR = 2, 2, 1, 1, 1 → mR̄ 1.4; limits 92 ± 3.724 = 88.276 … 95.724; 96 is above (good side).
    expect(a.xmr.limits?.upper).toBeCloseTo(95.724, 10);
    expect(a.xmr.points[0]?.rules).toEqual(['outside_limits']);
    // Six strictly falling points end at the latest.
    expect(a.signal).toMatchObject({
      isSignal: true,
      rule: 'trend_run',
      direction: 'deterioration',
      text: 'Signal: 6 months in a row falling — a deterioration',
    });
  });

  it('lays out missing periods as gaps, in period order', () => {
    const points = [
      { period: '2026-04', actual: 80, target: 95 },
      { period: '2026-01', actual: 80, target: 95 },
      { period: '2026-02', actual: 80, target: 95 },
    ];
    const a = analyseMetric({ rule, points, ytdAggregation: 'sum' });
    expect(a.xmr.points.map((p) => p.value)).toEqual([80, 80, null, 80]);
    expect(a.periods).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(a.periodsOffTarget).toBe(1); // March is missing, so the run stops there
    expect(a.ytd?.actual).toBe(240);
  });

  it('reviews the latest period even when its value is missing', () => {
    const a = analyseMetric({ rule, points: months([90, 91, null]), ytdAggregation: 'last' });
    expect(a).toMatchObject({
      period: '2026-03',
      actual: null,
      status: 'no_data',
      variance: null,
      severity: null,
      periodsOffTarget: 0,
    });
    expect(a.ytd?.actual).toBe(91);
  });

  it('handles no points, no targets, lower-is-better and quarters', () => {
    expect(analyseMetric({ rule, points: [], ytdAggregation: 'mean' })).toMatchObject({
      period: null,
      status: 'no_data',
      ytd: null,
      periodsOffTarget: 0,
    });
    expect(analyseMetric({ rule, points: months([90, 91], null), ytdAggregation: 'mean' })).toMatchObject({
      status: 'no_target',
      variance: null,
      severity: null,
    });
    const days = { polarity: 'lower_is_better', tolerance: 10, decimals: 0 } as const;
    const q = [100, 110, 120].map((actual, i) => ({ period: `2026-Q${i + 1}`, actual, target: 80 }));
    const a = analyseMetric({ rule: days, points: q, ytdAggregation: 'mean' });
    expect(a).toMatchObject({ frequency: 'quarterly', status: 'off_target', severity: 4, periodsOffTarget: 3 }); // (120 − 80) / 10
    expect(a.trend3.direction).toBe('worsening');
    expect(describeOffTargetRun(a)).toBe('Off target for 3 quarters');
  });

  it('rejects duplicate periods and mixed frequencies', () => {
    expect(() => analyseMetric({ rule, points: [...months([1]), ...months([2])], ytdAggregation: 'mean' })).toThrow(
      /appears twice/,
    );
    expect(() =>
      analyseMetric({
        rule,
        points: [...months([1]), { period: '2026-Q1', actual: 1, target: 1 }],
        ytdAggregation: 'mean',
      }),
    ).toThrow(RangeError);
  });
});

describe('rankAgendaItems', () => {
  const signal = (direction: XmrSignalSummary['direction']): XmrSignalSummary =>
    direction
      ? { isSignal: true, rule: 'outside_limits', direction, text: '' }
      : { isSignal: false, rule: null, direction: null, text: '' };
  const item = (
    name: string,
    severity: number | null,
    periodsOffTarget: number,
    dir: XmrSignalSummary['direction'] = null,
  ) => ({ name, severity, periodsOffTarget, signal: signal(dir) });

  it('puts a worsening signal first, then how far and how long off target', () => {
    const items = [
      item('no data', null, 0), //                      0
      item('far and long', 5, 6), //                    min(5,5)×2 + min(6,6) = 16
      item('on target, improving', -1, 0, 'improvement'), // 0 + 0 + 3 = 3
      item('slightly off, worsening signal', 0.5, 0, 'deterioration'), // 1 + 0 + 20 = 21
      item('moderate', 2, 2), //                        4 + 2 = 6
      item('wildly off', 40, 1), //                     capped: 10 + 1 = 11
    ];
    expect(rankAgendaItems(items).map((i) => i.name)).toEqual([
      'slightly off, worsening signal',
      'far and long',
      'wildly off',
      'moderate',
      'on target, improving',
      'no data',
    ]);
    expect(scoreAgendaItem(items[3]!)).toEqual({ score: 21, severityPoints: 1, durationPoints: 0, signalPoints: 20 });
  });

  it('breaks ties by severity and keeps the input order otherwise', () => {
    const items = [item('a', 1, 4), item('b', 3, 0), item('c', 1, 4)]; // 6, 6, 6
    expect(rankAgendaItems(items).map((i) => i.name)).toEqual(['b', 'a', 'c']);
  });
});
