import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { type LoadedProgram, loadProgramFile } from '../../src/infra/program-file/load-program-file.js';
import { HistoryReferenceError } from '../../src/services/program-import/import-history.js';
import { importProgram } from '../../src/services/program-import/import-program.js';
import { isNoop } from '../../src/services/program-import/import-summary.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function load(file: string): Promise<LoadedProgram> {
  const r = await loadProgramFile(file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}
const NOW = new Date('2026-11-02T15:00:00Z');

describe('program import', () => {
  it('imports the sample program, then re-importing it changes nothing', async () => {
    const sample = await load('examples/riverton.yaml');
    const first = await importProgram(db.prisma, sample, { actor: 'test', now: NOW });
    expect(first.created).toMatchObject({ departments: 4, metrics: 17, people: 11, 'meeting series': 1 });
    expect(await db.prisma.metricValue.count()).toBe(552);
    expect(await db.prisma.metricValueRevision.count()).toBe(552);
    const again = await importProgram(db.prisma, sample, { actor: 'test', now: NOW });
    expect(again).toMatchObject({ created: {}, updated: {}, deactivated: {}, packetsBeforeDue: [] });
    expect(isNoop(again)).toBe(true);
    expect(await db.prisma.metricValue.count()).toBe(552);
  });

  it('a changed file updates in place and keeps history (revisions, inactive metrics)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'statbot-'));
    const yaml = (await readFile('examples/riverton.yaml', 'utf8'))
      .replace('name: Liens collected', 'name: Liens collected (all sources)')
      .replace(/ {6}- \{ key: cases_closed_90d.*\n/, '');
    const csv = (await readFile('examples/riverton-history.csv', 'utf8')).replace(
      'DPW,sr_on_time,2024-10,83.5',
      'DPW,sr_on_time,2024-10,60.0',
    );
    await writeFile(path.join(dir, 'riverton.yaml'), yaml);
    await writeFile(
      path.join(dir, 'riverton-history.csv'),
      csv
        .split('\n')
        .filter((l) => !l.startsWith('CODE,cases_closed_90d'))
        .join('\n'),
    );
    const summary = await importProgram(db.prisma, await load(path.join(dir, 'riverton.yaml')), {
      actor: 'test',
      now: NOW,
    });
    // The renamed metric, and CODE's weekly metric, which moves up one place after the removed one.
    expect(summary.updated).toMatchObject({ metrics: 2, values: 1 });
    expect(summary.deactivated).toMatchObject({ metrics: 1 });
    const value = await db.prisma.metricValue.findFirstOrThrow({
      where: { period: '2024-10', metric: { key: 'sr_on_time', department: { key: 'DPW' } } },
      include: { revisions: { orderBy: { revision: 'asc' } } },
    });
    expect(value.value).toBe(60);
    expect(value.revisions.map((r) => [r.revision, r.oldValue, r.newValue])).toEqual([
      [1, null, 83.5],
      [2, 83.5, 60],
    ]);
    const dropped = await db.prisma.metric.findFirstOrThrow({ where: { key: 'cases_closed_90d' } });
    expect(dropped.active).toBe(false);
  });

  it('resolves public from the metric, then its department, then the program; a metric sheet leaves it alone', async () => {
    const fresh = await createTestDatabase();
    try {
      const dir = await mkdtemp(path.join(tmpdir(), 'statbot-'));
      const yaml = `program:
  name: Test Stat
  timezone: America/New_York
  public: true
  publish_explanations: true
departments:
  - key: A
    name: Alpha
    public: false
    metrics:
      - { key: m1, name: One, polarity: higher_is_better, public: true, definition: Counts ones }
      - { key: m2, name: Two, polarity: higher_is_better }
  - key: B
    name: Beta
    metrics:
      - { key: m3, name: Three, polarity: higher_is_better }
      - { key: m4, name: Four, polarity: higher_is_better, public: false }
`;
      await writeFile(path.join(dir, 'p.yaml'), yaml);
      await importProgram(fresh.prisma, await load(path.join(dir, 'p.yaml')), { actor: 'test', now: NOW });
      const flags = async () =>
        Object.fromEntries(
          (await fresh.prisma.metric.findMany({ orderBy: { key: 'asc' } })).map((m) => [
            m.key,
            [m.isPublic, m.definition],
          ]),
        );
      expect(await flags()).toEqual({ m1: [true, 'Counts ones'], m2: [false, ''], m3: [true, ''], m4: [false, ''] });
      const again = await importProgram(fresh.prisma, await load(path.join(dir, 'p.yaml')), {
        actor: 'test',
        now: NOW,
      });
      expect(isNoop(again)).toBe(true);
      await writeFile(
        path.join(dir, 'sheet.csv'),
        'department,department_name,metric,name,polarity\nA,Alpha,m1,One renamed,higher_is_better\n',
      );
      await importProgram(fresh.prisma, await load(path.join(dir, 'sheet.csv')), { actor: 'test', now: NOW });
      expect((await flags()).m1).toEqual([true, 'Counts ones']);
      const settings = (await fresh.prisma.program.findUniqueOrThrow({ where: { id: 1 } })).settings;
      expect(settings).toMatchObject({ publish: 'after_packet', publishExplanations: true });
    } finally {
      await fresh.close();
    }
  });

  it('a bad reference rolls the whole import back', async () => {
    const sample = await load('examples/riverton.yaml');
    if (sample.kind !== 'program') throw new Error('expected a program');
    const before = await db.prisma.metricValue.count();
    const broken: LoadedProgram = {
      ...sample,
      program: { ...sample.program, program: { ...sample.program.program, name: 'Renamed' } },
      history: [...sample.history, { department: 'DPW', metric: 'no_such_metric', period: '2026-01', value: 1 }],
    };
    await expect(importProgram(db.prisma, broken, { actor: 'test', now: NOW })).rejects.toBeInstanceOf(
      HistoryReferenceError,
    );
    expect((await db.prisma.program.findUniqueOrThrow({ where: { id: 1 } })).name).toBe('Riverton Stat');
    expect(await db.prisma.metricValue.count()).toBe(before);
  });
});
