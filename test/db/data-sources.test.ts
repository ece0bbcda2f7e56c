// Source adapters on their real parts: SQL on embedded PGlite (and on PostgreSQL when
// TEST_DATABASE_URL is set), Socrata and http_json against the local SODA server with its faults,
// CSV from a drop folder. Nothing is stored here: see test/integration/data-sources.test.ts.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SodaServer, startSodaServer } from '../../local-stack/soda-server.js';
import { periodParameters } from '../../src/domain/sources/period-parameters.js';
import { sourceSchema } from '../../src/domain/sources/source-spec.js';
import { pullSource } from '../../src/infra/sources/pull-source.js';
import type { SourceRuntime } from '../../src/infra/sources/runtime.js';
import { SourceError } from '../../src/infra/sources/source-error.js';
import { createSqlConnector } from '../../src/infra/sources/sql-connector.js';

const SAMPLE_311 = `
  CREATE TABLE service_requests (id serial PRIMARY KEY, opened_on date NOT NULL, closed_on date, on_time boolean);
  INSERT INTO service_requests (opened_on, closed_on, on_time)
  SELECT d::date, d::date + 2, (i % 10) <> 0
  FROM generate_series(1, 200) AS i, LATERAL (SELECT date '2026-09-01' + (i % 61) AS d) x;`;

const ON_TIME = `SELECT round(100.0 * avg(on_time::int), 1) AS value, count(*) || ' requests' AS note
  FROM service_requests WHERE opened_on BETWEEN :period_start AND :period_end -- ':period' in a comment is not a parameter
  AND ':period' <> :period`;

const target = {
  departmentKey: 'DPW',
  metricKey: 'sr_on_time',
  period: '2026-10',
  params: periodParameters('2026-10'),
};
const spec = (raw: unknown) => sourceSchema.parse(raw);

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no failure';
  } catch (err) {
    return err instanceof SourceError ? err.code : `not a SourceError: ${err}`;
  }
}

function runtime(over: Partial<Omit<SourceRuntime, 'env'>> & { env?: Record<string, string> } = {}): SourceRuntime {
  const env: Record<string, string> = over.env ?? {};
  return {
    allowedHosts: null,
    maxResponseBytes: 100_000,
    concurrencyPerSource: 4,
    retryDelaysMs: [],
    baseDir: process.cwd(),
    sql: createSqlConnector({ poolSize: 2 }),
    ...over,
    env: (n) => env[n],
  };
}

const databases: { name: string; connection: () => Promise<{ rt: SourceRuntime; close: () => Promise<void> }> }[] = [
  {
    name: 'embedded PGlite',
    connection: async () => {
      const db = new PGlite();
      await db.exec(SAMPLE_311);
      const sql = createSqlConnector({ poolSize: 2, pglite: new Map([['sample', db]]) });
      return { rt: runtime({ sql, env: { DB311: 'pglite:sample' } }), close: () => db.close() };
    },
  },
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl)
  databases.push({
    name: 'PostgreSQL',
    connection: async () => {
      // A schema of its own, dropped afterwards, so the shared server keeps nothing.
      const schema = `sources_${process.pid}`;
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}; ${SAMPLE_311}`);
      const url = new URL(pgUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const sql = createSqlConnector({ poolSize: 2 });
      return {
        rt: runtime({ sql, env: { DB311: url.toString() } }),
        close: async () => {
          await sql.close();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  });

describe.each(databases)('sql sources on $name', ({ connection }) => {
  let rt: SourceRuntime;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ rt, close } = await connection());
  });
  afterAll(() => close());
  const sql = (query: string, extra = {}) => spec({ kind: 'sql', connection_env: 'DB311', query, ...extra });

  it('binds the period as parameters and returns one value with its note', async () => {
    const got = await pullSource(sql(ON_TIME), target, rt);
    // October 2026: 31 of the 61 days, each opened by 3 or 4 requests; every tenth is late.
    const expected = await pullSource(
      sql(`SELECT round(100.0 * avg(on_time::int), 1), count(*)::text || ' requests' FROM service_requests
           WHERE opened_on >= date '2026-10-01' AND opened_on < date '2026-11-01'`),
      target,
      rt,
    );
    expect(got).toEqual(expected);
    expect(got.value).toBeGreaterThan(80);
    expect(got.note).toMatch(/^\d+ requests$/);
  });

  it('refuses a query that writes, and nothing is written', async () => {
    const deleting = 'WITH gone AS (DELETE FROM service_requests RETURNING 1) SELECT count(*) FROM gone';
    expect(await failure(pullSource(sql(deleting), target, rt))).toBe('refused_write');
    // Turning the session's read-only default off is caught too, and the next write still refused.
    const tamper = "SELECT count(*) FROM (SELECT set_config('default_transaction_read_only', 'off', false)) x";
    expect(await failure(pullSource(sql(tamper), target, rt))).toBe('refused_write');
    expect(await failure(pullSource(sql(deleting), target, rt))).toBe('refused_write');
    const left = await pullSource(sql('SELECT count(*) FROM service_requests'), target, rt);
    expect(left.value).toBe(200);
  });

  it('accepts every timeout the server shows in its own units (90s, 1min, 2min)', async () => {
    for (const timeout_seconds of [90, 60, 120, 1])
      expect((await pullSource(sql('SELECT 1', { timeout_seconds }), target, rt)).value).toBe(1);
  });

  it('refuses no row, several rows and a non-number', async () => {
    expect(await failure(pullSource(sql('SELECT 1 WHERE false'), target, rt))).toBe('no_row');
    expect(await failure(pullSource(sql('SELECT 1 UNION ALL SELECT 2'), target, rt))).toBe('several_rows');
    expect(await failure(pullSource(sql("SELECT 'many'"), target, rt))).toBe('not_a_number');
  });

  it('a placeholder value cannot break out of its parameter', async () => {
    // If :period were spliced into the text, this would be a syntax error, not one row.
    const got = await pullSource(sql('SELECT length(:period)'), target, rt);
    expect(got.value).toBe(7);
  });

  it('says when the connection setting is missing, without running anything', async () => {
    expect(await failure(pullSource(sql('SELECT 1', { connection_env: 'NOT_SET' }), target, rt))).toBe(
      'missing_secret',
    );
  });
});

if (pgUrl)
  it("a connection string's own options cannot turn the read-only session off (PostgreSQL)", async () => {
    const url = new URL(pgUrl);
    url.searchParams.set('options', '-c default_transaction_read_only=off -c statement_timeout=0');
    const rt = runtime({ env: { DB: url.toString() } });
    const s = (query: string) => spec({ kind: 'sql', connection_env: 'DB', query });
    // Runs read-only with its own timeout: the guard refuses any pull whose session is not.
    expect((await pullSource(s('SELECT 1'), target, rt)).value).toBe(1);
    await rt.sql.close();
  });

if (pgUrl)
  it('stops a query at the statement timeout (PostgreSQL)', async () => {
    const rt = runtime({ env: { DB: pgUrl } });
    const s = spec({ kind: 'sql', connection_env: 'DB', query: 'SELECT 1 FROM pg_sleep(3)', timeout_seconds: 1 });
    expect(await failure(pullSource(s, target, rt))).toBe('timeout');
    await rt.sql.close();
  });

describe('socrata and http_json sources against the local SODA server', () => {
  let soda: SodaServer;
  beforeAll(async () => {
    soda = await startSodaServer({
      'perm-2026': [
        { issued_on: '2026-09-30', kind: 'residential', days: 12 },
        { issued_on: '2026-10-01', kind: 'residential', days: 10 },
        { issued_on: '2026-10-15', kind: 'commercial', days: 30 },
        { issued_on: '2026-10-31', kind: 'residential', days: 20 },
        { issued_on: '2026-11-01', kind: 'residential', days: 99 },
      ],
    });
  });
  afterAll(() => soda.close());
  const socrata = (extra = {}) =>
    spec({
      kind: 'socrata',
      domain: soda.url,
      dataset: 'perm-2026',
      select: 'avg(days) as value',
      where: "issued_on >= :period_start AND issued_on <= :period_end AND kind = 'residential'",
      app_token_env: 'SODA_TOKEN',
      timeout_seconds: 1,
      ...extra,
    });
  const rt = () => runtime({ env: { SODA_TOKEN: 'tok-123456' } });

  it('pulls one aggregated cell for the period, with the app token', async () => {
    soda.setFault(null);
    expect((await pullSource(socrata(), target, rt())).value).toBe(15);
    expect(soda.requests.at(-1)!.appToken).toBe('tok-123456');
    expect(decodeURIComponent(soda.requests.at(-1)!.url.replace(/\+/g, ' '))).toContain("issued_on <= '2026-10-31'");
  });

  it('refuses several rows (a $group) and fails on 500, malformed JSON and slowness', async () => {
    soda.setFault(null);
    expect(
      await failure(pullSource(socrata({ select: 'kind, count(*)', group: 'kind', where: undefined }), target, rt())),
    ).toBe('several_rows');
    soda.setFault('error_500');
    expect(await failure(pullSource(socrata(), target, rt()))).toBe('server_error');
    soda.setFault('malformed_json');
    expect(await failure(pullSource(socrata(), target, rt()))).toBe('bad_response');
    soda.setFault('slow', 2_500);
    expect(await failure(pullSource(socrata(), target, rt()))).toBe('timeout');
    soda.setFault(null);
  });

  it('http_json: placeholders in the URL, a header from the environment, a JSONPath to the value', async () => {
    soda.setFault(null);
    const url = `${soda.url}/resource/perm-2026.json?$select=count(*)&$where=issued_on>=':period_start'`;
    const s = spec({ kind: 'http_json', url, json_path: '$[0].count', headers_env: { 'X-App-Token': 'SODA_TOKEN' } });
    // Four permits issued on or after 1 October (one of them in November).
    expect((await pullSource(s, target, rt())).value).toBe(4);
    expect(soda.requests.at(-1)!.appToken).toBe('tok-123456');
    const nothing = spec({ kind: 'http_json', url, json_path: '$[0].missing' });
    expect(await failure(pullSource(nothing, target, rt()))).toBe('no_match');
  });

  it('refuses a response over the size limit, a scheme other than http(s) and a host off the allow-list', async () => {
    soda.setFault(null);
    const url = `${soda.url}/resource/perm-2026.json`;
    const s = spec({ kind: 'http_json', url, json_path: '$[0].days' });
    expect(await failure(pullSource(s, target, runtime({ maxResponseBytes: 50 })))).toBe('too_large');
    expect(await failure(pullSource(s, target, runtime({ allowedHosts: ['data.example.gov'] })))).toBe(
      'host_not_allowed',
    );
    expect(() => spec({ kind: 'http_json', url: 'file:///etc/passwd', json_path: '$.a' })).toThrow(/http/);
  });
});

describe('csv sources', () => {
  it('reads a drop folder; a later export replaces an earlier row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stat-drop-'));
    await writeFile(join(dir, '2026-11-01.csv'), 'department,metric,period,value\nDPW,sr_on_time,2026-10,91.5\n');
    await writeFile(
      join(dir, '2026-11-02.csv'),
      'department,metric,period,value,note\nDPW,sr_on_time,2026-10,92.5,corrected\n',
    );
    const got = await pullSource(spec({ kind: 'csv', path: dir }), target, runtime());
    expect(got).toEqual({ value: 92.5, raw: '92.5', note: 'corrected' });
    expect(
      await failure(
        pullSource(
          spec({ kind: 'csv', path: dir }),
          { ...target, period: '2026-09', params: periodParameters('2026-09') },
          runtime(),
        ),
      ),
    ).toBe('no_row');
  });
});

describe('source definitions', () => {
  it('refuses an unknown placeholder, a bad JSONPath and a secret written into the file', () => {
    expect(() => spec({ kind: 'sql', connection_env: 'DB', query: 'SELECT :period_begin' })).toThrow(/period_begin/);
    expect(() => spec({ kind: 'sql', connection_env: 'DB', query: 'DELETE FROM t RETURNING 1' })).toThrow(/SELECT/);
    expect(() => spec({ kind: 'http_json', url: 'https://x.gov/a', json_path: '$[' })).toThrow(/JSONPath/);
    expect(() => spec({ kind: 'sql', connection_env: 'postgres://u:p@h/db', query: 'SELECT 1' })).toThrow(
      /environment variable/,
    );
  });
});
