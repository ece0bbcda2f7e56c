// The goals view: worst first within each priority, status in words, targets with their dates,
// and long programs split into several messages, never cut.
import { describe, expect, it } from 'vitest';
import { rollUpGoal } from '../../src/domain/goals/goal-status.js';
import { analyseMetric } from '../../src/domain/metric-analysis.js';
import { buildGoalsMessages, type GoalReport, type GoalView } from '../../src/views/goals-message.js';
import type { AnalysedMetric } from '../../src/views/metric-line.js';
import { expectValidMessage } from '../helpers/block-kit.js';

const rule = { polarity: 'higher_is_better', tolerance: 2, decimals: 1, min: 0, max: 100 } as const;
function metric(actual: number): AnalysedMetric {
  const history = [{ period: '2026-10', actual, target: 95, note: null }];
  const analysis = analyseMetric({ rule, unit: '%', points: history, ytdAggregation: 'mean' });
  return {
    metricId: 1,
    key: 'm',
    name: 'Requests on time',
    unit: '%',
    rule,
    history,
    analysis,
    note: null,
    origin: null,
  };
}
function goal(statement: string, actual: number): GoalView {
  const m = metric(actual);
  return {
    key: statement,
    statement,
    departmentName: 'Public Works',
    longTerm: { target: '95%', by: '2030-06-30' },
    shortTerm: null,
    fromLabels: false,
    rollUp: rollUpGoal([{ status: m.analysis.status, wrongWaySignal: false }]),
    metrics: [{ metric: m, departmentName: 'Public Works', noPlanYet: false }],
  };
}
const report = (goals: GoalView[]): GoalReport => ({
  period: '2026-10',
  periodLabel: 'October 2026',
  askedFor: null,
  priorities: [{ key: 'p', name: 'Responsive services', goals }],
});

describe('goals message', () => {
  it('says each goal’s status in words with its targets', () => {
    const pages = buildGoalsMessages(report([goal('Close requests on time', 80), goal('Answer calls', 96)]));
    for (const p of pages) expectValidMessage(p);
    const body = JSON.stringify(pages);
    expect(body).toContain('2 goals: 1 off track, 0 at risk, 1 on track, 0 not measured yet');
    expect(body).toContain(':red_circle: Off track — *Close requests on time* · Public Works');
    expect(body).toContain('Long term: 95% by 30 Jun 2030');
  });

  it('splits a long program over several messages without cutting', () => {
    const many = Array.from({ length: 120 }, (_, i) => goal(`Goal number ${i}`, 80 + (i % 20)));
    const pages = buildGoalsMessages(report(many));
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) expectValidMessage(p);
    for (let i = 0; i < 120; i++) expect(JSON.stringify(pages)).toContain(`*Goal number ${i}*`);
  });
});
