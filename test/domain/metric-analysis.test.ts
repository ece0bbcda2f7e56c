import { describe, expect, it } from 'vitest';
import {
  agendaSectionOf,
  analyseMetric,
  describeOffTargetRun,
  type MetricPoint,
  type MetricSignal,
  rankAgendaItems,
  scoreAgendaItem,
} from '../../src/domain/metric-analysis.js';
import type { Status } from '../../src/domain/types.js';
import type { SignalDirection } from '../../src/domain/xmr.js';

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
    // Five values before the latest: one short of the six that limits need, so no verdict yet.
    expect(a.process.segments).toHaveLength(1);
    expect(a.signal).toMatchObject({
      isSignal: false,
      kind: 'not_enough_data',
      text: 'Not enough data for limits: 6 months since Jan 2026, and limits need 6 before the one judged',
    });
  });

  it('lays out missing periods as gaps, in period order', () => {
    const points = [
      { period: '2026-04', actual: 80, target: 95 },
      { period: '2026-01', actual: 80, target: 95 },
      { period: '2026-02', actual: 80, target: 95 },
    ];
    const a = analyseMetric({ rule, points, ytdAggregation: 'sum' });
    expect(a.process.points.map((p) => p.value)).toEqual([80, 80, null, 80]);
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
  const signal = (direction: SignalDirection | null, kind: MetricSignal['kind'] = 'outside_limits'): MetricSignal =>
    direction
      ? { isSignal: true, kind, rule: null, direction, text: '' }
      : { isSignal: false, kind: 'within_limits', rule: null, direction: null, text: '' };
  const item = (
    name: string,
    severity: number | null,
    periodsOffTarget: number,
    dir: SignalDirection | null = null,
    kind: MetricSignal['kind'] = 'outside_limits',
  ) => ({ name, severity, periodsOffTarget, signal: signal(dir, kind) });

  it('puts a worsening signal first, then how far and how long off target', () => {
    const items = [
      item('no data', null, 0), //                      0
      item('far and long', 5, 6), //                    min(5,5)×2 + min(6,6) = 16
      item('on target, improving', -1, 0, 'favourable'), // 0 + 0 + 0 = 0 (recognised apart)
      item('slightly off, worsening signal', 0.5, 0, 'unfavourable'), // 1 + 0 + 20 = 21
      item('moderate', 2, 2), //                        4 + 2 = 6
      item('wildly off', 40, 1), //                     capped: 10 + 1 = 11
      item('worsening trend', 0, 0, 'unfavourable', 'trend'), // 0 + 0 + 12 = 12
      item('left its band', 0, 0, 'neutral'), //        0 + 0 + 10 = 10
    ];
    expect(rankAgendaItems(items).map((i) => i.name)).toEqual([
      'slightly off, worsening signal',
      'far and long',
      'worsening trend',
      'wildly off',
      'left its band',
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

describe('agendaSectionOf', () => {
  const s = (isSignal: boolean, direction: SignalDirection | null): MetricSignal => ({
    isSignal,
    kind: isSignal ? 'outside_limits' : 'within_limits',
    rule: null,
    direction,
    text: '',
  });
  const of = (status: Status, signal: MetricSignal) =>
    agendaSectionOf({ status, signal, severity: 0, periodsOffTarget: 0 });

  it('puts wrong-way signals and off-target values up for attention, good-way signals apart', () => {
    expect(of('on_target', s(true, 'unfavourable'))).toBe('attention');
    expect(of('near', s(true, 'neutral'))).toBe('attention');
    expect(of('off_target', s(false, null))).toBe('attention');
    // Moving the right way but still off target: attention, never recognition.
    expect(of('off_target', s(true, 'favourable'))).toBe('attention');
    expect(of('near', s(true, 'favourable'))).toBe('recognition');
    expect(of('on_target', s(true, 'favourable'))).toBe('recognition');
    expect(of('on_target', s(false, null))).toBeNull();
    expect(of('no_data', s(false, null))).toBeNull();
  });
});
