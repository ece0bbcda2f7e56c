// Numbers that arrive by themselves, through signed Slack requests and a real database: DPW's four
// metrics come from sources (two SQL on an embedded PGlite, one Socrata on the local SODA server,
// one CSV drop) and are confirmed in one click; a CODE value is pulled and overridden with a note;
// FIRE's source fails, the form says why, and admins hear about it exactly once.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local-stack/local-stack.js';
import { type SodaServer, startSodaServer } from '../../local-stack/soda-server.js';
import type { SourceSpec } from '../../src/domain/sources/source-spec.js';
import { DbNull } from '../../src/infra/db-types.js';
import type { SourceRuntime } from '../../src/infra/sources/runtime.js';
import { createSqlConnector } from '../../src/infra/sources/sql-connector.js';
import { CONFIRM_PULLED_ACTION_ID, OPEN_SUBMISSION_ACTION_ID } from '../../src/views/collection-reminder.js';
import { metricBlockId, SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { formValues } from '../helpers/forms.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

// America/New_York. October 2026 closes; the opening DMs go out Mon 2 Nov.
const MON_2_NOV_1030 = '2026-11-02T15:30:00Z';
const ADMIN = 'U0ADMIN01';
const LIAISON = { DPW: 'U0DPWLIA1', CODE: 'U0CODLIA1', FIRE: 'U0FIRLIA1' } as const;

const cityDb = new PGlite();
const pglite = new Map([['city', cityDb]]);
const env: Record<string, string> = { CITY_DB: 'pglite:city' };
let soda: SodaServer;
const sources: SourceRuntime = {
  env: (name) => env[name],
  allowedHosts: null,
  maxResponseBytes: 1_000_000,
  concurrencyPerSource: 2,
  retryDelaysMs: [10],
  baseDir: process.cwd(),
  sql: createSqlConnector({ poolSize: 2, pglite }),
};

async function setSource(s: LocalStack, dept: string, metric: string, source: SourceSpec) {
  await s.db.prisma.metric.updateMany({ where: { key: metric, department: { key: dept } }, data: { source } });
}

let stack: LocalStack;
useLocalStack({ now: MON_2_NOV_1030, sources }, async (s) => {
  stack = s;
  // This test declares its own sources (below) in place of the sample program's.
  await s.db.prisma.metric.updateMany({ data: { source: DbNull } });
  await cityDb.exec(`
    CREATE TABLE service_requests (opened_on date, on_time boolean);
    INSERT INTO service_requests SELECT date '2026-10-01' + (i % 31), i % 25 <> 0 FROM generate_series(1, 100) i;
    INSERT INTO service_requests SELECT date '2026-09-01', false FROM generate_series(1, 50);
    CREATE TABLE potholes (reported_on date, filled_hours int);
    INSERT INTO potholes SELECT date '2026-10-05', CASE WHEN i <= 9 THEN 24 ELSE 96 END FROM generate_series(1, 10) i;
    CREATE TABLE liens (paid_on date, amount numeric);
    INSERT INTO liens VALUES ('2026-10-10', 180000), ('2026-10-20', 60000);`);
  soda = await startSodaServer({
    'lite-2026': Array.from({ length: 20 }, (_, i) => ({
      opened_on: '2026-10-03',
      status: i < 18 ? 'open' : 'closed',
    })),
  });
  const drop = await mkdtemp(join(tmpdir(), 'riverton-drop-'));
  await writeFile(
    join(drop, 'sanitation-2026-10.csv'),
    'department,metric,period,value\nDPW,missed_pickups,2026-10,7.1\n',
  );
  const sql = (query: string, label: string): SourceSpec => ({
    kind: 'sql',
    connection_env: 'CITY_DB',
    query,
    timeout_seconds: 10,
    label,
  });
  await setSource(
    s,
    'DPW',
    'sr_on_time',
    sql(
      'SELECT round(100.0 * avg(on_time::int), 1) FROM service_requests WHERE opened_on BETWEEN :period_start AND :period_end',
      'the 311 database',
    ),
  );
  await setSource(
    s,
    'DPW',
    'potholes_48h',
    sql(
      'SELECT round(100.0 * avg((filled_hours <= 48)::int), 1) FROM potholes WHERE reported_on BETWEEN :period_start AND :period_end',
      'the 311 database',
    ),
  );
  await setSource(s, 'DPW', 'streetlights_7d', {
    kind: 'socrata',
    domain: soda.url,
    dataset: 'lite-2026',
    select: 'count(*)',
    where: "opened_on <= :period_end AND status = 'open'",
    timeout_seconds: 5,
    label: 'the open-data portal',
  });
  await setSource(s, 'DPW', 'missed_pickups', { kind: 'csv', path: drop, label: 'the sanitation export' });
  await setSource(
    s,
    'CODE',
    'liens_collected',
    sql('SELECT sum(amount) FROM liens WHERE paid_on BETWEEN :period_start AND :period_end', 'the finance system'),
  );
  // Two FIRE metrics on one system whose connection setting is missing: one admin notice, not two.
  const cad = (q: string): SourceSpec => ({
    kind: 'sql',
    connection_env: 'CAD_DB_URL',
    query: q,
    timeout_seconds: 10,
    label: 'the CAD database',
  });
  await setSource(s, 'FIRE', 'turnout_p90', cad('SELECT 75'));
  await setSource(s, 'FIRE', 'calls_10s', cad('SELECT 92'));
});
afterAll(async () => {
  await soda?.close();
  await sources.sql.close();
  await cityDb.close();
});

const dms = (user: string) => stack.sandbox.dmsTo(user);

async function clickInDm(userId: string, actionId: string) {
  const dm = dms(userId).find((m) => JSON.stringify(m.blocks).includes(actionId));
  if (!dm) throw new Error(`no ${actionId} button for ${userId}`);
  await stack.driver.blockAction({ userId, actionId, channelId: dm.channel, messageTs: dm.ts });
}

async function openForm(userId: string) {
  await clickInDm(userId, OPEN_SUBMISSION_ACTION_ID);
  const view = stack.sandbox.openViews(userId).find((v) => v.callback_id === SUBMISSION_CALLBACK_ID);
  if (!view) throw new Error(`no form open for ${userId}`);
  return view;
}

const metricId = async (dept: string, key: string) =>
  (await stack.db.prisma.metric.findFirstOrThrow({ where: { key, department: { key: dept } } })).id;

describe.sequential('data sources pre-fill the month', () => {
  it('pulls every source when October closes; one admin DM for the failing system, once', async () => {
    const report = await stack.runDue(MON_2_NOV_1030);
    expect(report.failed).toBe(0);
    const pulls = await stack.db.prisma.sourcePull.findMany({
      include: { metric: true },
      orderBy: { metricId: 'asc' },
    });
    expect(Object.fromEntries(pulls.map((p) => [p.metric.key, [p.status, p.value]]))).toEqual({
      sr_on_time: ['ok', 96],
      potholes_48h: ['ok', 90],
      streetlights_7d: ['ok', 18],
      missed_pickups: ['ok', 7.1],
      liens_collected: ['ok', 240000],
      turnout_p90: ['failed', null],
      calls_10s: ['failed', null],
    });
    const adminDms = dms(ADMIN).filter((m) => m.text.includes('data source failed'));
    expect(adminDms).toHaveLength(1);
    expect(adminDms[0]!.text).toContain('sql:CAD_DB_URL');
    expect(JSON.stringify(adminDms[0]!.blocks)).toContain('a setting it needs (a connection string or key) is not set');
    await stack.runDue(MON_2_NOV_1030);
    expect(dms(ADMIN).filter((m) => m.text.includes('data source failed'))).toHaveLength(1);
  });

  it('offers DPW a one-click Confirm numbers, which saves the pulled values with their provenance', async () => {
    const opening = dms(LIAISON.DPW).at(-1)!;
    expect(opening.text).toContain('pulled from the city systems');
    expect(JSON.stringify(dms(LIAISON.CODE))).not.toContain(CONFIRM_PULLED_ACTION_ID);
    await clickInDm(LIAISON.DPW, CONFIRM_PULLED_ACTION_ID);
    expect(dms(LIAISON.DPW).at(-1)!.text).toContain('Thank you — saved: Public Works, October 2026');
    const values = await stack.db.prisma.metricValue.findMany({
      where: { period: '2026-10', metric: { department: { key: 'DPW' } } },
      include: { revisions: true, metric: true },
    });
    expect(values.map((v) => [v.metric.key, v.value]).sort()).toEqual([
      ['missed_pickups', 7.1],
      ['potholes_48h', 90],
      ['sr_on_time', 96],
      ['streetlights_7d', 18],
    ]);
    for (const v of values) {
      expect(v.provenance).toMatchObject({ changedByPerson: false, pulledValue: v.value, hash: expect.any(String) });
      expect(v.revisions.map((r) => r.source)).toEqual(['pull']);
    }
    expect(values.find((v) => v.metric.key === 'sr_on_time')!.provenance).toMatchObject({ kind: 'sql', raw: '96.0' });
    expect(
      await stack.db.prisma.departmentPeriod.findFirst({ where: { department: { key: 'DPW' }, period: '2026-10' } }),
    ).toMatchObject({ submittedBy: LIAISON.DPW });
  });

  it('CODE sees the pulled value marked as pulled; changing it needs a note and is kept as an override', async () => {
    const view = await openForm(LIAISON.CODE);
    const liens = await metricId('CODE', 'liens_collected');
    const block = (view.blocks as { block_id?: string }[]).find((b) => b.block_id === metricBlockId(liens, 'value'));
    expect(JSON.stringify(block)).toContain('"initial_value":"240000"');
    expect(JSON.stringify(block)).toMatch(/Pulled from the finance system, fetched Mon 2 Nov 10:30/);
    const typed = {
      days_to_inspect: { value: '78' },
      units_remediated: { value: '125' },
      liens_collected: { value: '255000' },
      cases_closed_90d: { value: '71' },
    };
    const refused = await stack.driver.viewSubmission({
      userId: LIAISON.CODE,
      view,
      values: await formValues(stack.db.prisma, 'CODE', typed),
    });
    expect(JSON.stringify(refused.body)).toContain('You changed the value pulled from the finance system');
    const withNote = {
      ...typed,
      liens_collected: { value: '255000', note: 'A 15,000 lien paid on 31 Oct was posted in November.' },
    };
    const saved = await stack.driver.viewSubmission({
      userId: LIAISON.CODE,
      view,
      values: await formValues(stack.db.prisma, 'CODE', withNote),
    });
    expect(saved.body).toBeFalsy();
    const value = await stack.db.prisma.metricValue.findFirstOrThrow({
      where: { metricId: liens, period: '2026-10' },
      include: { revisions: true },
    });
    expect(value.value).toBe(255000);
    expect(value.provenance).toMatchObject({ changedByPerson: true, pulledValue: 240000, kind: 'sql' });
    expect(value.revisions).toEqual([
      expect.objectContaining({
        source: 'slack',
        newValue: 255000,
        provenance: expect.objectContaining({ pulledValue: 240000 }),
      }),
    ]);
  });

  it('FIRE types by hand where the source failed, and the form says why in plain words', async () => {
    const view = await openForm(LIAISON.FIRE);
    const turnout = await metricId('FIRE', 'turnout_p90');
    const block = (view.blocks as { block_id?: string }[]).find((b) => b.block_id === metricBlockId(turnout, 'value'));
    expect(JSON.stringify(block)).toContain(
      'Please type it: the CAD database could not be used (a setting it needs (a connection string or key) is not set on the server)',
    );
    expect(JSON.stringify(block)).not.toContain('initial_value');
  });

  it('re-pulling the same value adds no revision; a changed source revises a confirmed, unchanged value', async () => {
    const { pullAndStore } = await import('../../src/services/sources/pull-sources.js');
    const sr = await metricId('DPW', 'sr_on_time');
    await pullAndStore(stack.db.prisma, sources, { period: '2026-10', now: stack.clock.now(), force: true });
    expect(
      await stack.db.prisma.metricValueRevision.count({ where: { metricValue: { metricId: sr, period: '2026-10' } } }),
    ).toBe(1);
    // The sources left this embedded database's session read-only: writing needs an explicit READ WRITE.
    await cityDb.exec(
      "BEGIN READ WRITE; INSERT INTO service_requests SELECT date '2026-10-30', false FROM generate_series(1, 4); COMMIT",
    );
    const report = await pullAndStore(stack.db.prisma, sources, {
      period: '2026-10',
      now: stack.clock.now(),
      force: true,
    });
    expect(report.revised).toBe(1);
    const value = await stack.db.prisma.metricValue.findFirstOrThrow({
      where: { metricId: sr, period: '2026-10' },
      include: { revisions: true },
    });
    expect(value.revisions.map((r) => r.source)).toEqual(['pull', 'pull']);
    // CODE's override is the person's: the source does not overwrite it.
    const liens = await stack.db.prisma.metricValue.findFirstOrThrow({
      where: { metric: { key: 'liens_collected' }, period: '2026-10' },
    });
    expect(liens.value).toBe(255000);
  });
});
