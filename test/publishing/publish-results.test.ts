// Publishing a locked month end to end: the note in the packet's thread, the open-data rows equal
// to the packet's numbers, a valid DCAT-US catalog, nothing unpublished anywhere in the output, and
// a correction after an unlock republished as a new revision.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_COLUMNS } from '../../src/domain/publishing/feed-columns.js';
import { analyseDepartments } from '../../src/services/roundtable/analyse-departments.js';
import { validateCatalog } from '../helpers/dcat-us.js';
import {
  ADMIN,
  CHAIR,
  INTERNAL_NOTE,
  listFiles,
  PRIYA,
  PUBLIC_EXPLANATION,
  type PublishedMonth,
  publishOctober,
  ROOM,
  submitDpw,
} from '../helpers/published-month.js';

let p: PublishedMonth;
beforeAll(async () => {
  p = await publishOctober();
});
afterAll(() => p?.close());

const read = (rel: string) => readFile(path.join(p.dir, rel), 'utf8');
const csvRows = async () =>
  parse(await read('open-data/performance.csv'), { columns: true }) as Record<string, string>[];

/** Everything that must never reach the public, from the program and the database as they are. */
async function secrets(): Promise<string[]> {
  const privateMetrics = await p.db.prisma.metric.findMany({
    where: { isPublic: false },
    include: { department: true },
  });
  const people = p.stack.program.people;
  const values = await p.db.prisma.metricValue.findMany({
    where: { metricId: { in: privateMetrics.map((m) => m.id) } },
  });
  return [
    ...privateMetrics.flatMap((m) => {
      const dept = m.department.key;
      return [m.name, `:${dept}:${m.key}:`, `${dept.toLowerCase()}-${m.key}.png`];
    }),
    ...people.flatMap((x) => [x.name, x.slack_id]),
    ...values.flatMap((v) => (v.note ? [v.note] : [])),
    INTERNAL_NOTE,
  ];
}

describe('publishing a locked month', () => {
  it('announces "Published: N metrics for October 2026" once, in the packet thread, with the site link', () => {
    const packet = p.stack.sandbox.messagesIn(ROOM).find((m) => !m.thread_ts)!;
    const notes = p.stack.sandbox.messagesIn(ROOM).filter((m) => m.text.startsWith(':globe_with_meridians: Published'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.thread_ts).toBe(packet.ts);
    // DPW has 3 public metrics, Watershed 2 (not reported yet): 5.
    expect(notes[0]!.text).toContain('Published: 5 metrics for October 2026');
    expect(JSON.stringify(notes[0]!.blocks)).toContain('https://data.riverton.example.gov/stat/site/index.html');
  });

  it('writes the open data and a page per department', async () => {
    expect(await listFiles(p.dir)).toEqual([
      'open-data/data.json',
      'open-data/dictionary.csv',
      'open-data/performance.csv',
      'open-data/performance.json',
      'site/charts/dpw-potholes_48h.png',
      'site/charts/dpw-sr_on_time.png',
      'site/charts/dpw-streetlights_7d.png',
      'site/charts/water-days_to_repair.png',
      'site/charts/water-main_breaks.png',
      'site/departments/dpw.html',
      'site/departments/water.html',
      'site/index.html',
      'site/style.css',
    ]);
  });

  it('CSV and JSON rows carry exactly the packet’s numbers, keyed by a stable record_id', async () => {
    const analysed = await analyseDepartments(p.db.prisma, ['DPW', 'WATER'], '2026-10', '2026-10');
    const rows = await csvRows();
    const json = JSON.parse(await read('open-data/performance.json')) as Record<string, unknown>[];
    expect(Object.keys(rows[0]!)).toEqual(FEED_COLUMNS.map((c) => c.name));
    const publicMetrics = await p.db.prisma.metric.findMany({
      where: { isPublic: true },
      include: { department: true },
    });
    const expected = analysed.flatMap((d) =>
      d.metrics
        .filter((m) => publicMetrics.some((x) => x.id === m.metricId))
        .map((m) => ({
          id: `riverton-stat:${d.key}:${m.key}:2026-10`,
          actual: m.analysis.actual,
          target: m.analysis.target,
        })),
    );
    expect(expected).toHaveLength(5);
    for (const e of expected) {
      const row = rows.find((r) => r.record_id === e.id)!;
      const j = json.find((r) => r.record_id === e.id)!;
      expect(row, e.id).toBeDefined();
      expect(row.actual).toBe(e.actual === null ? '' : String(e.actual));
      expect(row.target).toBe(e.target === null ? '' : String(e.target));
      expect(j.actual).toBe(e.actual);
      expect(j.target).toBe(e.target);
      expect(row.revision).toBe('1');
    }
    const sr = rows.find((r) => r.record_id === 'riverton-stat:DPW:sr_on_time:2026-10')!;
    expect(sr).toMatchObject({ actual: '91.2', target: '95', status: 'off_target', explanation: PUBLIC_EXPLANATION });
    expect(sr.period_start).toBe('2026-10-01');
    expect(sr.period_end).toBe('2026-10-31');
    const water = rows.find((r) => r.record_id === 'riverton-stat:WATER:main_breaks:2026-10')!;
    expect(water.status).toBe('not_reported');
    const dictionary = parse(await read('open-data/dictionary.csv'), { columns: true }) as { column: string }[];
    expect(dictionary.map((d) => d.column)).toEqual(FEED_COLUMNS.map((c) => c.name));
  });

  it('data.json validates against DCAT-US 1.1 (non-federal profile)', async () => {
    const catalog = JSON.parse(await read('open-data/data.json'));
    expect(validateCatalog(catalog)).toEqual([]);
    expect(catalog.dataset[0].accrualPeriodicity).toBe('R/P1M');
    expect(catalog.dataset[0].distribution.map((d: { downloadURL: string }) => d.downloadURL)).toContain(
      'https://data.riverton.example.gov/stat/open-data/performance.csv',
    );
  });

  it('leaks nothing: no private metric, internal note, Slack id or person’s name in any file', async () => {
    const forbidden = await secrets();
    expect(forbidden.length).toBeGreaterThan(20);
    const slackId = /\b[UWCG]0[A-Z0-9]{6,}\b/;
    for (const rel of await listFiles(p.dir)) {
      const bytes = await readFile(path.join(p.dir, rel));
      const text = rel.endsWith('.png') ? rel : bytes.toString('utf8');
      for (const s of forbidden) expect(text.includes(s), `${rel} contains "${s}"`).toBe(false);
      expect(text, rel).not.toMatch(slackId);
    }
  });
});

describe('republishing', () => {
  it('only admins may /stat publish', async () => {
    const res = await p.stack.driver.slashCommand({ command: '/stat', text: 'publish', userId: CHAIR });
    expect(JSON.stringify(p.stack.sandbox.responses(res.responseUrl!))).toContain('only admins can republish');
  });

  it('a period not yet published is refused, not forced out', async () => {
    const res = await p.stack.driver.slashCommand({ command: '/stat', text: 'publish 2026-11', userId: ADMIN });
    expect(JSON.stringify(p.stack.sandbox.responses(res.responseUrl!))).toContain('November 2026 is not published yet');
  });

  it('a correction after an unlock is republished as revision 2 with its time; nothing is announced twice', async () => {
    await p.stack.driver.slashCommand({ command: '/stat', text: 'unlock DPW 2026-10', userId: CHAIR });
    p.stack.clock.set('2026-11-14T15:00:00Z');
    await submitDpw(p.stack, p.db, '93.9');
    await p.stack.runDue('2026-11-14T15:01:00Z');
    const sr = (await csvRows()).find((r) => r.record_id === 'riverton-stat:DPW:sr_on_time:2026-10')!;
    expect(sr).toMatchObject({ actual: '93.9', status: 'near_target', revision: '2' });
    expect(sr.published_at).toBe('2026-11-14T15:01:00.000Z');
    expect(sr.first_published_at).toBe(new Date('2026-11-13T15:00:00Z').toISOString());
    expect(await read('site/departments/dpw.html')).toContain('Corrected (revision 2, 2026-11-14)');
    const others = (await csvRows()).filter((r) => r.record_id !== sr.record_id);
    expect(others.every((r) => r.revision === '1')).toBe(true);
    const notes = p.stack.sandbox.messagesIn(ROOM).filter((m) => m.text.includes('Published:'));
    expect(notes).toHaveLength(1);
  });

  it('an admin republishes on demand; with explanations turned off none is published', async () => {
    const program = await p.db.prisma.program.findUniqueOrThrow({ where: { id: 1 } });
    await p.db.prisma.program.update({
      where: { id: 1 },
      data: { settings: { ...(program.settings as object), publishExplanations: false } },
    });
    const res = await p.stack.driver.slashCommand({ command: '/stat', text: 'publish', userId: ADMIN });
    expect(JSON.stringify(p.stack.sandbox.responses(res.responseUrl!))).toContain('Republished 5 records');
    for (const rel of await listFiles(p.dir))
      if (!rel.endsWith('.png')) expect(await read(rel), rel).not.toContain(PUBLIC_EXPLANATION);
    expect(PRIYA).toBeTruthy();
  });
});
