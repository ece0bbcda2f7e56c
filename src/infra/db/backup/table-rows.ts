// A table's rows as PostgreSQL's own JSON text (row_to_json), in primary-key order. The text is
// what a backup stores and what its checksums cover: exact for every type (bigint and numeric
// keep all digits, timestamps their microseconds, floats the shortest exact form) because JS
// never parses a value. The same text from both back ends makes checksums comparable across them.
import { createHash } from 'node:crypto';
import { quoteIdent, type TableInfo } from './catalog.js';
import type { SqlSession } from './sql-session.js';

const BATCH = 2_000;

function orderBy(table: TableInfo): string {
  const keys = table.primaryKey.length ? table.primaryKey : table.columns.map((c) => c.name);
  return keys
    .map((name) => {
      const collatable = table.columns.find((c) => c.name === name)?.collatable;
      return collatable ? `${quoteIdent(name)} COLLATE "C"` : quoteIdent(name);
    })
    .join(', ');
}

/** Calls `onRow` with each row's JSON text, in a stable order, through a cursor (constant memory). */
export async function forEachRow(
  session: SqlSession,
  table: TableInfo,
  onRow: (json: string) => void | Promise<void>,
): Promise<void> {
  await session.exec(
    `DECLARE stat_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quoteIdent(table.name)} t ORDER BY ${orderBy(table)}`,
  );
  try {
    for (;;) {
      const rows = await session.query<{ j: string }>(`FETCH FORWARD ${BATCH} FROM stat_rows`);
      for (const row of rows) await onRow(row.j);
      if (rows.length < BATCH) break;
    }
  } finally {
    await session.exec('CLOSE stat_rows');
  }
}

export interface TableDigest {
  name: string;
  rows: number;
  /** sha256 (hex) of every row's JSON text followed by "\n", in order. */
  sha256: string;
}

/** Streaming digest of one table's rows. */
export function tableHasher(name: string): { name: string; add(json: string): void; done(): TableDigest } {
  const hash = createHash('sha256');
  let rows = 0;
  return {
    name,
    add(json) {
      hash.update(json);
      hash.update('\n');
      rows++;
    },
    done: () => ({ name, rows, sha256: hash.digest('hex') }),
  };
}

/** Row count and checksum of every table, as of the session's snapshot. */
export async function digestTables(session: SqlSession, tables: TableInfo[]): Promise<TableDigest[]> {
  const digests: TableDigest[] = [];
  for (const table of tables) {
    const hasher = tableHasher(table.name);
    await forEachRow(session, table, (json) => hasher.add(json));
    digests.push(hasher.done());
  }
  return digests;
}
