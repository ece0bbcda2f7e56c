// Runs one source query, read-only, with a statement timeout, and returns its rows as arrays.
// PostgreSQL (postgres:// URLs) through `pg`, one small pool per database; an embedded PGlite
// registered under a name (`pglite:<name>`) for the demo and tests. Both run the same steps:
// BEGIN READ ONLY → SET LOCAL statement_timeout → the query with bind parameters → ROLLBACK.
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

function classify(err: unknown, timeoutMs: number): SourceError {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === READ_ONLY)
    return new SourceError('refused_write', 'the query tried to change data; sources are read-only');
  if (code === CANCELED) return new SourceError('timeout', `the query ran longer than ${timeoutMs / 1000} s`);
  if (typeof code === 'string' && /^(08|28|3D|53|57P)/.test(code))
    return new SourceError('unreachable', `the database refused the connection (${code})`);
  if (typeof code === 'string') return new SourceError('query_error', `the query failed: ${message}`);
  if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|Connection terminated|timeout exceeded/i.test(message))
    return new SourceError('unreachable', 'the database could not be reached');
  return new SourceError('query_error', `the query failed: ${message}`);
}

export function createSqlConnector(opts: SqlConnectorOptions): SqlConnector {
  const pools = new Map<string, pg.Pool>();
  const poolFor = (url: string) => {
    let pool = pools.get(url);
    if (!pool) {
      pool = new pg.Pool({ connectionString: url, max: opts.poolSize, connectionTimeoutMillis: 10_000 });
      // An idle connection dropped by the server must not crash the process.
      pool.on('error', () => undefined);
      pools.set(url, pool);
    }
    return pool;
  };
  return {
    async run(connection, query, timeoutMs) {
      try {
        if (connection.startsWith('pglite:')) return await runOnPglite(opts.pglite, connection, query, timeoutMs);
        if (!/^postgres(ql)?:\/\//.test(connection))
          throw new SourceError(
            'bad_url',
            'the connection string must start with postgres:// (or name an embedded pglite: database)',
          );
        return await runOnPostgres(poolFor(connection), query, timeoutMs);
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
  let broken = false;
  try {
    await client.query('BEGIN READ ONLY');
    // SET cannot take a bind parameter; the number is an integer we computed, never user text.
    await client.query(`SET LOCAL statement_timeout = ${Math.round(timeoutMs)}`);
    const result = await client.query({ text: query.text, values: query.values, rowMode: 'array' });
    return result.rows as unknown[][];
  } catch (err) {
    broken = !(err as { code?: unknown }).code;
    throw err;
  } finally {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    client.release(broken);
  }
}

async function runOnPglite(
  registry: ReadonlyMap<string, PGlite> | undefined,
  connection: string,
  query: SqlQuery,
  timeoutMs: number,
): Promise<unknown[][]> {
  const db = registry?.get(connection.slice('pglite:'.length));
  if (!db) throw new SourceError('unreachable', `no embedded database named ${connection}`);
  // PGlite is one connection: its transaction() holds it, so concurrent pulls cannot interleave.
  return db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION READ ONLY');
    await tx.exec(`SET LOCAL statement_timeout = ${Math.round(timeoutMs)}`);
    const result = await tx.query(query.text, query.values, { rowMode: 'array' });
    await tx.rollback();
    return result.rows as unknown[][];
  });
}
