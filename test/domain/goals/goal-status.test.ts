import { describe, expect, it } from 'vitest';
import { needsPlan, recentConcerns, rollUpGoal } from '../../../src/domain/goals/goal-status.js';
import { analyseMetric } from '../../../src/domain/metric-analysis.js';

const m = (status: 'on_target' | 'near' | 'off_target' | 'no_data' | 'no_target', wrongWaySignal = false) => ({
  status,
  wrongWaySignal,
});

describe('goal roll-up', () => {
  it('not measured yet: no metric has a value (or the goal has none)', () => {
    expect(rollUpGoal([]).status).toBe('not_measured');
    expect(rollUpGoal([m('no_data'), m('no_data')]).status).toBe('not_measured');
  });
  it('off track: at least half of the measured metrics are off target', () => {
    expect(rollUpGoal([m('off_target'), m('on_target')]).status).toBe('off_track');
    expect(rollUpGoal([m('off_target'), m('no_data')]).status).toBe('off_track');
    expect(rollUpGoal([m('off_target'), m('on_target'), m('on_target')]).status).toBe('at_risk');
  });
  it('at risk: any off target, near, or a wrong-way signal', () => {
    expect(rollUpGoal([m('near'), m('on_target')]).status).toBe('at_risk');
    expect(rollUpGoal([m('on_target', true), m('on_target')]).status).toBe('at_risk');
  });
  it('on track: every measured metric on target (or without a target), no wrong-way signal', () => {
    expect(rollUpGoal([m('on_target'), m('no_target'), m('no_data')])).toEqual({
      status: 'on_track',
      measured: 2,
      offTarget: 0,
      near: 0,
      wrongWay: 0,
      total: 3,
    });
  });
});

describe('no plan yet', () => {
  const red = { offTarget: true, wrongWaySignal: false };
  const signal = { offTarget: false, wrongWaySignal: true };
  const fine = { offTarget: false, wrongWaySignal: false };
  it('flags two concerning periods running without an open follow-up', () => {
    expect(needsPlan([fine, red, red], false)).toBe(true);
    expect(needsPlan([red, signal], false)).toBe(true);
  });
  it('does not flag with an open follow-up, one concerning period, or too little history', () => {
    expect(needsPlan([red, red], true)).toBe(false);
    expect(needsPlan([red, fine], false)).toBe(false);
    expect(needsPlan([fine, red], false)).toBe(false);
    expect(needsPlan([red], false)).toBe(false);
  });
  it('reads the last two periods of an analysed metric', () => {
    const rule = { polarity: 'higher_is_better' as const, tolerance: 2, decimals: 1 };
    const history = ['2026-07', '2026-08', '2026-09', '2026-10'].map((period, i) => ({
      period,
      actual: [96, 95, 90, 91][i]!,
      target: 95,
    }));
    const analysis = analyseMetric({ rule, points: history, ytdAggregation: 'mean' });
    expect(recentConcerns(analysis, history, rule)).toEqual([
      { offTarget: true, wrongWaySignal: false },
      { offTarget: true, wrongWaySignal: false },
    ]);
    const better = history.map((h, i) => (i === 3 ? { ...h, actual: 94 } : h));
    expect(recentConcerns(analyseMetric({ rule, points: better, ytdAggregation: 'mean' }), better, rule)[1]).toEqual({
      offTarget: false,
      wrongWaySignal: false,
    });
  });
});
