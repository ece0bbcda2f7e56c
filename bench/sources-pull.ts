// Issue 12: 500 SQL-sourced metrics across 100 departments, pulled through the source machinery
// (placeholder binding, read-only transaction, statement timeout, per-source concurrency limit,
// retries) versus the same 500 queries run directly on a pool of the same size. Interleaved runs
// on embedded PGlite and, when one is available, PostgreSQL; the ratio is pulled ÷ direct.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { periodParameters } from '../src/domain/sources/period-parameters.js';
import { bindSqlParameters } from '../src/domain/sources/placeholders.js';
import { sourceSchema } from '../src/domain/sources/source-spec.js';
import type { SourceRuntime } from '../src/infra/sources/runtime.js';
import { createSqlConnector, type SqlConnector } from '../src/infra/sources/sql-connector.js';
import { limitPerKey } from '../src/services/sources/limit-per-key.js';
import { pullMetrics, type SourcedMetric } from '../src/services/sources/pull-sources.js';
import { findPostgres } from './lib/databases.js';
import { type BenchContext, runBench } from './lib/harness.js';
import { type Cell, fmtMs, fmtRatio, median, timed } from './lib/report.js';

const DEPARTMENTS = 100;
// Rows per department and metric over the two months: 250,000 requests in all, a large city's 311 volume.
const ROWS_PER_METRIC = 500;
const METRICS_PER_DEPARTMENT = 5;
const CONCURRENCY = 4;
const RUNS = 5;
const PERIOD = '2026-10';

const SEED = `
  DROP TABLE IF EXISTS bench_events;
  CREATE TABLE bench_events (dept int, kind int, happened_on date, amount numeric);
  INSERT INTO bench_events
    SELECT d, k, date '2026-09-01' + (i % 61), (d * 7 + k * 3 + i) % 100
    FROM generate_series(1, ${DEPARTMENTS}) d, generate_series(1, ${METRICS_PER_DEPARTMENT}) k, generate_series(1, ${ROWS_PER_METRIC}) i;
  CREATE INDEX ON bench_events (dept, kind, happened_on);`;

function metrics(): SourcedMetric[] {
  const out: SourcedMetric[] = [];
  for (let d = 1; d <= DEPARTMENTS; d++)
    for (let k = 1; k <= METRICS_PER_DEPARTMENT; k++)
      out.push({
        id: out.length + 1,
        key: `m${k}`,
        name: `Metric ${k}`,
        departmentKey: `D${d}`,
        minValue: null,
        maxValue: null,
        spec: sourceSchema.parse({
          kind: 'sql',
          connection_env: 'BENCH_DB',
          query: `SELECT round(avg(amount), 2) FROM bench_events WHERE dept = ${d} AND kind = ${k} AND happened_on BETWEEN :period_start AND :period_end`,
        }),
      });
  return out;
}

/** Counts queries in flight, to check the per-source limit is respected. */
function counting(inner: SqlConnector) {
  let inFlight = 0;
  let peak = 0;
  const connector: SqlConnector = {
    async run(...args) {
      peak = Math.max(peak, ++inFlight);
      try {
        return await inner.run(...args);
      } finally {
        inFlight--;
      }
    },
    close: () => inner.close(),
  };
  return { connector, peak: () => peak };
}

interface Target {
  name: string;
  connection: string;
  pglite?: PGlite;
  direct: (text: string, values: string[]) => Promise<unknown>;
  close: () => Promise<void>;
}

async function measure(ctx: BenchContext, target: Target): Promise<Cell[]> {
  const list = metrics();
  const inner = createSqlConnector({
    poolSize: CONCURRENCY,
    pglite: target.pglite ? new Map([['bench', target.pglite]]) : undefined,
  });
  const { connector, peak } = counting(inner);
  const rt: SourceRuntime = {
    env: () => target.connection,
    allowedHosts: null,
    maxResponseBytes: 1_000_000,
    concurrencyPerSource: CONCURRENCY,
    retryDelaysMs: [],
    baseDir: process.cwd(),
    sql: connector,
  };
  const params = periodParameters(PERIOD);
  const bound = list.map((m) => bindSqlParameters(m.spec.kind === 'sql' ? m.spec.query : '', params));
  const runDirect = async () => {
    const limited = limitPerKey(CONCURRENCY);
    return Promise.all(bound.map((q) => limited('direct', () => target.direct(q.text, q.values))));
  };
  // Warm-up: pools connected, plans cached, for both paths.
  await pullMetrics(list, PERIOD, rt);
  await runDirect();
  const pulled: number[] = [];
  const direct: number[] = [];
  let failures = 0;
  for (let i = 0; i < RUNS; i++) {
    const p = await timed(() => pullMetrics(list, PERIOD, rt));
    failures += p.value.filter((r) => !r.ok).length;
    pulled.push(p.ms);
    direct.push((await timed(runDirect)).ms);
  }
  await connector.close();
  await target.close();
  const ratio = median(pulled) / median(direct);
  ctx.check(failures === 0, `${target.name}: all ${list.length} pulls returned a value in every run`);
  ctx.check(peak() <= CONCURRENCY, `${target.name}: at most ${CONCURRENCY} queries in flight (peak ${peak()})`);
  ctx.check(ratio <= 1.5, `${target.name}: pulled within 1.5× of direct (${fmtRatio(ratio)})`);
  ctx.data[target.name] = { pulledMs: pulled, directMs: direct, ratio, peakInFlight: peak() };
  return [target.name, list.length, fmtMs(median(pulled)), fmtMs(median(direct)), fmtRatio(ratio), peak()];
}

runBench(
  'sources-pull',
  'Data sources: 500 SQL-sourced metrics × 100 departments, pulled vs direct (issue 12)',
  async (ctx) => {
    const rows: Cell[][] = [];
    const lite = new PGlite();
    await lite.exec(SEED);
    rows.push(
      await measure(ctx, {
        name: 'PGlite (embedded)',
        connection: 'pglite:bench',
        pglite: lite,
        direct: (text, values) => lite.query(text, values),
        close: () => lite.close(),
      }),
    );
    const postgres = await findPostgres();
    if (postgres) {
      const pool = new pg.Pool({ connectionString: postgres.url, max: CONCURRENCY });
      await pool.query(SEED);
      rows.push(
        await measure(ctx, {
          name: 'PostgreSQL',
          connection: postgres.url,
          direct: (text, values) => pool.query(text, values),
          close: async () => {
            await pool.query('DROP TABLE bench_events');
            await pool.end();
          },
        }),
      );
    } else ctx.note('PostgreSQL: not measured (set TEST_DATABASE_URL or start scripts/ci-postgres.sh).');
    ctx.table({
      title: `median of ${RUNS} interleaved runs each (after a warm-up), ${CONCURRENCY} connections / queries at once`,
      headers: ['database', 'metrics', 'pulled (sources)', 'direct queries', 'ratio', 'peak in flight'],
      rows,
    });
    ctx.note(
      'Pulled = pullMetrics: :period_* bound as parameters, one statement on a read-only connection with its statement timeout, the guard columns checked, one numeric cell parsed, the per-system limit. Direct = the same bound queries on a pool of the same size. Each query averages one department metric over a month of a 250,000-row sample 311 table.',
    );
  },
);
