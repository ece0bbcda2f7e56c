// Runs one source query, read-only, under a statement timeout, and returns its rows as arrays.
// PostgreSQL (postgres:// URLs) through `pg`; an embedded PGlite registered under a name
// (`pglite:<name>`) for the demo and tests.
//
// One round trip per pull, so pulling costs about what running the query costs (bench/sources-pull):
// - each connection starts read-only with its statement timeout (session settings, not per
//   statement), so a pull is one statement in an implicit read-only transaction;
// - the extended protocol carries exactly one statement, with the period as bind parameters;
// - the query runs as a subquery followed by two guard columns, read AFTER its row is produced:
//   a query that turned the session's read-only default or timeout off (set_config) is caught,
//   its connection destroyed, and the pull refused. Any failure also destroys the connection.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { SourceError } from './source-error.js';

export interface SqlQuery {
  text: string;
  values: string[];
}

export interface SqlConnector {
  run(connection: string, query: SqlQuery, timeoutMs: number): Promise<unknown[][]>;
  close(): Promise<void>;
}

export interface SqlConnectorOptions {
  /** Connections per PostgreSQL database: the per-source concurrency limit. */
  poolSize: number;
  /** Embedded databases reachable as `pglite:<name>`. */
  pglite?: ReadonlyMap<string, PGlite>;
}

// PostgreSQL error codes (Appendix A of its manual).
const READ_ONLY = '25006';
const CANCELED = '57014';
const GUARDS = 2;

/** The user's query as a subquery (never flattened: OFFSET 0), then the session's two settings. */
function guardedQuery(sql: string): string {
  const body = sql.replace(/[\s;]+$/, '');
  return `SELECT q.*, current_setting('default_transaction_read_only'), current_setting('statement_timeout')
FROM (SELECT * FROM (\n${body}\n) AS u OFFSET 0) AS q`;
}

/**
 * statement_timeout as the server shows it: in the largest unit that divides it exactly ("30s",
 * "1min", "1500ms"). Comparing this text costs less than casting the setting to an interval, which
 * doubled the cost of a small query.
 */
function timeoutSetting(timeoutMs: number): string {
  const ms = Math.round(timeoutMs);
  if (ms === 0) return '0';
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
    ['s', 1000],
  ];
  const unit = units.find(([, size]) => ms % size === 0);
  return unit ? `${ms / unit[1]}${unit[0]}` : `${ms}ms`;
}

/** Strips the guard columns; throws if the query changed the session's settings. */
function checkGuards(rows: unknown[][], timeoutMs: number): unknown[][] {
  for (const row of rows) {
    const [readOnly, timeout] = row.slice(-GUARDS);
    if (readOnly !== 'on' || timeout !== timeoutSetting(timeoutMs))
      throw new SourceError('refused_write', 'the query changed the session settings; sources are read-only');
  }
  return rows.map((r) => r.slice(0, -GUARDS));
}

function classify(err: unknown, timeoutMs: number): SourceError {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  // A data-modifying WITH cannot run inside the guard's subquery: a write attempt, refused as one.
  if (code === READ_ONLY || /data-modifying statement/i.test(message))
    return new SourceError('refused_write', 'the query tried to change data; sources are read-only');
  if (code === CANCELED) return new SourceError('timeout', `the query ran longer than ${timeoutMs / 1000} s`);
  if (typeof code === 'string' && /^(08|28|3D|53|57P)/.test(code))
    return new SourceError('unreachable', `the database refused the connection (${code})`);
  if (typeof code === 'string') return new SourceError('query_error', `the query failed: ${message}`);
  if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|Connection terminated|timeout exceeded/i.test(message))
    return new SourceError('unreachable', 'the database could not be reached');
  return new SourceError('query_error', `the query failed: ${message}`);
}

/**
 * The URL with the session's read-only default and statement timeout added to its `options`
 * parameter. `pg` lets a connection string's parameters override the pool's config, so settings
 * passed beside a URL that has its own `options` (a search_path, say) would be dropped; appended
 * last, ours also win over any the URL sets for the same names.
 */
function withSessionSettings(url: string, timeoutMs: number): string {
  const ours = `-c default_transaction_read_only=on -c statement_timeout=${Math.round(timeoutMs)}`;
  const u = new URL(url);
  const theirs = u.searchParams.get('options');
  u.searchParams.set('options', theirs ? `${theirs} ${ours}` : ours);
  return u.toString();
}

export function createSqlConnector(opts: SqlConnectorOptions): SqlConnector {
  const pools = new Map<string, pg.Pool>();
  const poolFor = (url: string, timeoutMs: number) => {
    const key = `${timeoutMs}|${url}`;
    let pool = pools.get(key);
    if (!pool) {
      pool = new pg.Pool({
        connectionString: withSessionSettings(url, timeoutMs),
        max: opts.poolSize,
        connectionTimeoutMillis: 10_000,
      });
      // An idle connection dropped by the server must not crash the process.
      pool.on('error', () => undefined);
      pools.set(key, pool);
    }
    return pool;
  };
  const lite = new Map<PGlite, PgliteSession>();
  return {
    async run(connection, query, timeoutMs) {
      try {
        if (connection.startsWith('pglite:')) {
          const db = opts.pglite?.get(connection.slice('pglite:'.length));
          if (!db) throw new SourceError('unreachable', `no embedded database named ${connection}`);
          let session = lite.get(db);
          if (!session) {
            session = pgliteSession(db);
            lite.set(db, session);
          }
          return await session.run(query, timeoutMs);
        }
        if (!/^postgres(ql)?:\/\//.test(connection))
          throw new SourceError(
            'bad_url',
            'the connection string must start with postgres:// (or name an embedded pglite: database)',
          );
        return await runOnPostgres(poolFor(connection, timeoutMs), query, timeoutMs);
      } catch (err) {
        throw err instanceof SourceError ? err : classify(err, timeoutMs);
      }
    },
    async close() {
      await Promise.all([...pools.values()].map((p) => p.end().catch(() => undefined)));
      pools.clear();
    },
  };
}

async function runOnPostgres(pool: pg.Pool, query: SqlQuery, timeoutMs: number): Promise<unknown[][]> {
  const client = await pool.connect();
  let healthy = false;
  try {
    const result = await client.query({
      text: guardedQuery(query.text),
      values: query.values,
      rowMode: 'array',
      // Never the simple protocol, which would run several statements.
      queryMode: 'extended',
    } as pg.QueryConfig);
    const rows = checkGuards(result.rows as unknown[][], timeoutMs);
    healthy = true;
    return rows;
  } finally {
    client.release(!healthy);
  }
}

interface PgliteSession {
  run(query: SqlQuery, timeoutMs: number): Promise<unknown[][]>;
}

/** PGlite is one connection: pulls take turns, and the session is (re)set to read-only when needed. */
function pgliteSession(db: PGlite): PgliteSession {
  let queue: Promise<unknown> = Promise.resolve();
  let settings: string | null = null;
  const runOne = async (query: SqlQuery, timeoutMs: number) => {
    const wanted = `${Math.round(timeoutMs)}`;
    if (settings !== wanted) {
      await db.exec(`SET default_transaction_read_only = on; SET statement_timeout = ${wanted}`);
      settings = wanted;
    }
    try {
      const result = await db.query(guardedQuery(query.text), query.values, { rowMode: 'array' });
      return checkGuards(result.rows as unknown[][], timeoutMs);
    } catch (err) {
      settings = null; // set again before the next pull, whatever this query did
      throw err;
    }
  };
  return {
    run(query, timeoutMs) {
      const next = queue.then(() => runOne(query, timeoutMs));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
