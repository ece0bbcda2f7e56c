// One raw SQL connection for backup, restore and copy, on either back end. They need what Prisma's
// client does not give: a REPEATABLE READ snapshot, cursors, and whole migration scripts inside
// the same transaction as the data. Every value crosses as text, so nothing is rounded in JS.
import pg from 'pg';
import type { Database } from '../client.js';

export interface SqlSession {
  /** Rows of a statement with $1… parameters. */
  query<R extends object>(sql: string, params?: unknown[]): Promise<R[]>;
  /** A script of several statements (a migration), run as given. */
  exec(script: string): Promise<void>;
}

export type TransactionMode = 'snapshot' | 'write';

/**
 * Runs `fn` in one transaction: `snapshot` is REPEATABLE READ, READ ONLY (a consistent view while
 * the bot keeps writing), `write` commits only if `fn` resolves. Session settings that shape how
 * values are printed are fixed, so both back ends print the same text for the same data.
 */
export async function inTransaction<T>(
  db: Pick<Database, 'url'>,
  mode: TransactionMode,
  fn: (session: SqlSession) => Promise<T>,
): Promise<T> {
  return inPostgresTransaction(db.url, mode, fn);
}

const SETTINGS = [
  // SET LOCAL: undone at the end of the transaction, so the bot's own session is untouched.
  "SET LOCAL TimeZone = 'UTC'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL DateStyle = 'ISO, YMD'",
];

function begin(mode: TransactionMode): string {
  return mode === 'snapshot'
    ? 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY'
    : 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED';
}

async function inPostgresTransaction<T>(
  url: string,
  mode: TransactionMode,
  fn: (session: SqlSession) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(begin(mode));
    for (const s of SETTINGS) await client.query(s);
    const result = await fn({
      query: async <R extends object>(sql: string, params: unknown[] = []) =>
        (await client.query(sql, params)).rows as R[],
      exec: async (script) => {
        // No parameters: node-postgres sends it as one simple query, several statements allowed.
        await client.query(script);
      },
    });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
