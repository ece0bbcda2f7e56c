// What the database holds, read from PostgreSQL's catalog rather than from the Prisma schema, so a
// backup carries every table the migrations made (including `_prisma_migrations`) and a table a
// later migration adds is backed up without anyone remembering to list it.
import type { SqlSession } from './sql-session.js';

export interface ColumnInfo {
  name: string;
  /** format_type(), e.g. "text[]", "timestamp(3) with time zone", "double precision". */
  type: string;
  /** Whether the column sorts by collation (then ordered with COLLATE "C", the same everywhere). */
  collatable: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
}

export interface SequenceState {
  /** The sequence's name, e.g. "Department_id_seq". */
  name: string;
  lastValue: string;
  isCalled: boolean;
}

/** Ordinary tables of the current schema, parents before the tables that reference them. */
export async function listTables(session: SqlSession): Promise<TableInfo[]> {
  const columns = await session.query<{ table: string; name: string; type: string; collatable: boolean }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attcollation <> 0 AS collatable
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname COLLATE "C", a.attnum`,
  );
  const keys = await session.query<{ table: string; name: string }>(
    `SELECT c.relname AS table, a.attname AS name
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
       JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, pos) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum
      WHERE k.contype = 'p' AND c.relnamespace = current_schema()::regnamespace
      ORDER BY c.relname COLLATE "C", u.pos`,
  );
  const references = await session.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace
      ORDER BY c.relname COLLATE "C", p.relname COLLATE "C", k.conname COLLATE "C"`,
  );
  const tables = new Map<string, TableInfo>();
  for (const col of columns) {
    const table = tables.get(col.table) ?? { name: col.table, columns: [], primaryKey: [] };
    table.columns.push({ name: col.name, type: col.type, collatable: col.collatable });
    tables.set(col.table, table);
  }
  for (const key of keys) tables.get(key.table)?.primaryKey.push(key.name);
  return parentsFirst([...tables.values()], references);
}

function parentsFirst(tables: TableInfo[], references: Array<{ child: string; parent: string }>): TableInfo[] {
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const byName = new Map(tables.map((t) => [t.name, t]));
  const visit = (table: TableInfo) => {
    if (placed.has(table.name) || visiting.has(table.name)) return; // a cycle keeps catalog order
    visiting.add(table.name);
    for (const ref of references) {
      const parent = byName.get(ref.parent);
      if (ref.child === table.name && parent && ref.parent !== table.name) visit(parent);
    }
    visiting.delete(table.name);
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/** Sequences of the current schema with their exact positions (so no id is ever handed out twice). */
export async function readSequences(session: SqlSession): Promise<SequenceState[]> {
  const names = await session.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relkind = 'S' AND c.relnamespace = current_schema()::regnamespace ORDER BY c.relname COLLATE "C"`,
  );
  const states: SequenceState[] = [];
  for (const { name } of names) {
    const [row] = await session.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${quoteIdent(name)}`,
    );
    if (row) states.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return states;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
