import { describe, expect, it } from 'vitest';
import { checkGoals, resolveGoals } from '../../../src/domain/goals/resolve-goals.js';
import { programFileSchema } from '../../../src/domain/program/program-schema.js';

const metric = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  polarity: 'higher_is_better',
  ...extra,
});
const program = (priorities: unknown[], dpwMetrics = [metric('a'), metric('b')]) =>
  programFileSchema.parse({
    program: { name: 'T', timezone: 'UTC' },
    departments: [
      { key: 'DPW', name: 'Public Works', metrics: dpwMetrics },
      { key: 'WATER', name: 'Water', metrics: [metric('a', { priority: 'Safer streets', goal: 'Fix fast' })] },
    ],
    priorities,
  });

describe('goals in the program file', () => {
  it('keeps declared goals and migrates unlisted labels into goals of their own', () => {
    const p = program([
      {
        key: 'safe',
        name: 'Safer streets',
        goals: [
          {
            key: 'g1',
            statement: 'Fill potholes',
            department: 'DPW',
            short_term: { target: 90, by: '2027-06-30' },
            metrics: ['DPW.a'],
          },
        ],
      },
    ]);
    const { priorities, migratedMetrics } = resolveGoals(p);
    expect(migratedMetrics).toEqual(['WATER.a']);
    expect(priorities).toHaveLength(1);
    expect(priorities[0]!.goals.map((g) => [g.key, g.statement, g.departmentKey, g.fromLabels])).toEqual([
      ['g1', 'Fill potholes', 'DPW', false],
      ['fix-fast', 'Fix fast', 'WATER', true],
    ]);
    expect(priorities[0]!.goals[0]!.shortTerm).toEqual({ target: '90', by: '2027-06-30' });
  });

  it('a priority label without a goal becomes one goal named after the priority; no label, nothing', () => {
    const p = program(
      [],
      [metric('a', { priority: 'Clean city' }), metric('b', { priority: 'Clean city' }), metric('c')],
    );
    const { priorities } = resolveGoals(p);
    expect(priorities.map((x) => x.name)).toEqual(['Clean city', 'Safer streets']);
    expect(priorities[0]!.goals[0]!.metrics).toEqual([
      { department: 'DPW', metric: 'a' },
      { department: 'DPW', metric: 'b' },
    ]);
  });

  it('refuses unknown metrics and departments, duplicate keys, and a metric serving two goals', () => {
    const p = program([
      {
        key: 'safe',
        name: 'Safer streets',
        goals: [
          { key: 'g1', statement: 'One', department: 'PARKS', metrics: ['DPW.a', 'DPW.zzz'] },
          { key: 'g1', statement: 'Two', metrics: ['DPW.a'] },
        ],
      },
    ]);
    expect(checkGoals(p).map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'priorities.0.goals.0.department: unknown department "PARKS"',
      'priorities.0.goals.0.metrics.1: unknown metric "DPW.zzz"',
      'priorities.0.goals.1.key: duplicate goal "g1"',
      'priorities.0.goals.1.metrics.0: DPW.a already serves goal "g1": a metric serves one goal',
    ]);
  });
});
