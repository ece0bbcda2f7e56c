// Goals on import: declared priorities and goals stored, labels migrated with a notice, a
// re-import changes nothing, and a goal dropped from the file is deactivated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { loadProgramFile } from '../../src/infra/program-file/load-program-file.js';
import { importProgram } from '../../src/services/program-import/import-program.js';
import { isNoop } from '../../src/services/program-import/import-summary.js';
import { writeProgramVariant } from '../helpers/program-variant.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});
const NOW = new Date('2026-11-02T15:00:00Z');
async function importFile(file: string) {
  const r = await loadProgramFile(file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return importProgram(db.prisma, r.value, { actor: 'test', now: NOW });
}
/** The sample without its last declared goal: CODE's two metrics fall back to their labels. */
const withoutInspectionGoal = (yaml: string) =>
  yaml.replace(/ {6}- key: halve_inspection_times[\s\S]*?metrics: \[CODE[^\n]*\n/, '');

describe('importing goals', () => {
  it('stores two priorities and four goals, each metric serving one goal; a re-import changes nothing', async () => {
    const first = await importFile('examples/riverton.yaml');
    expect(first.created).toMatchObject({ priorities: 2, goals: 4, 'goal measures': 9 });
    expect(first.goalNotices).toEqual([]);
    const goal = await db.prisma.goal.findUniqueOrThrow({
      where: { key: 'requests_on_time' },
      include: { metrics: true },
    });
    expect(goal).toMatchObject({
      departmentKey: 'DPW',
      shortTermTarget: '90% on time in every department',
      shortTermBy: '2027-06-30',
    });
    expect(goal.metrics).toHaveLength(2);
    expect(isNoop(await importFile('examples/riverton.yaml'))).toBe(true);
  });

  it('migrates unlisted priority:/goal: labels into goals, says so, and keeps that stable', async () => {
    const file = writeProgramVariant(withoutInspectionGoal);
    const summary = await importFile(file);
    expect(summary.deactivated).toMatchObject({ goals: 1 });
    expect(summary.created).toMatchObject({ priorities: 1, goals: 2 });
    expect(summary.goalNotices.join(' ')).toContain('2 metrics (CODE.days_to_inspect, CODE.units_remediated)');
    expect(summary.goalNotices.join(' ')).toContain('"Halve inspection times"');
    const migrated = await db.prisma.goal.findMany({
      where: { fromLabels: true, active: true },
      include: { priority: true },
      orderBy: { sortOrder: 'asc' },
    });
    // A priority label without a goal label becomes one goal named after the priority.
    expect(migrated.map((g) => [g.priority.name, g.statement, g.departmentKey])).toEqual([
      ['Blight reduction', 'Halve inspection times', 'CODE'],
      ['Blight reduction', 'Blight reduction', 'CODE'],
    ]);
    const again = await importFile(file);
    expect(isNoop(again)).toBe(true);
    expect(again.goalNotices).toHaveLength(1);
  });
});
