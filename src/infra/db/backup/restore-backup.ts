// Restores a checked backup into an EMPTY database in one transaction: the schema (the backup's
// own migrations, replayed from this code's migration files), the migration history, every row,
// the sequences, then the checksums again, read back from the database before committing. Any
// refusal or failure leaves the target exactly as it was.
import { createHash } from 'node:crypto';
import type { Database } from '../client.js';
import { readMigrationList } from '../migrate.js';
import { BackupError } from './backup-error.js';
import type { BackupHeader, BackupTrailer } from './backup-format.js';
import { rowOfLine, tableOfLine } from './backup-format.js';
import { listTables, quoteIdent, type TableInfo } from './catalog.js';
import { backupLines, checkBackupFile } from './read-backup.js';
import { inTransaction, type SqlSession } from './sql-session.js';
import { digestTables, type TableDigest } from './table-rows.js';
import { appliedMigrations, MIGRATIONS_TABLE } from './write-backup.js';

/** Rows sent to the database per INSERT. */
const LOAD_BATCH = 1_000;

export interface RestoreSummary {
  program: string | null;
  createdAt: string;
  tables: TableDigest[];
  migrations: string[];
}

export interface RestoreOptions {
  /** Default: the repo's prisma/migrations. */
  migrationsDir?: string;
}

export async function restoreBackup(db: Database, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const { header, trailer } = await checkBackupFile(file);
  const scripts = await migrationScripts(header, options.migrationsDir);
  const tables = await inTransaction(db, 'write', async (session) => {
    const already = await checkTargetIsEmpty(session, header);
    await ensureMigrationsTable(session);
    for (const m of header.migrations.slice(already)) {
      const script = scripts.get(m.name) ?? '';
      try {
        await session.exec(script);
      } catch (error) {
        throw new BackupError(`replaying migration ${m.name} failed: ${describe(error)}; nothing was written`);
      }
    }
    const target = await listTables(session);
    checkColumns(header, target);
    await session.query(`DELETE FROM ${quoteIdent(MIGRATIONS_TABLE)}`);
    await loadRows(session, file, header);
    await setSequences(session, trailer);
    const digests = await digestTables(
      session,
      target.filter((t) => header.tables.some((h) => h.name === t.name)),
    );
    checkDigests(digests, trailer);
    return digests;
  });
  return {
    program: header.program,
    createdAt: header.createdAt,
    tables,
    migrations: header.migrations.map((m) => m.name),
  };
}

/** The migration files for the backup's history; refuses a backup from a newer schema. */
async function migrationScripts(header: BackupHeader, migrationsDir?: string): Promise<Map<string, string>> {
  const list = await readMigrationList(migrationsDir);
  const known = new Map(
    list.migrationDirectories.map((d) => [
      d.path,
      d.migrationFile.content.tag === 'ok' ? d.migrationFile.content.value : '',
    ]),
  );
  const unknown = header.migrations.filter((m) => !known.has(m.name)).map((m) => m.name);
  if (unknown.length)
    throw new BackupError(
      `this backup was made by a newer stat-bot: its schema has migrations this version does not know (${unknown.join(', ')}) — upgrade stat-bot, then restore; nothing was written`,
    );
  for (const m of header.migrations) {
    const sha = createHash('sha256')
      .update(known.get(m.name) ?? '')
      .digest('hex');
    if (sha !== m.checksum)
      throw new BackupError(
        `migration ${m.name} in this code differs from the one the backup's database ran — restore with the stat-bot version that made the backup; nothing was written`,
      );
  }
  return known;
}

/** Refuses a target with any rows; returns how many of the backup's migrations it already has. */
async function checkTargetIsEmpty(session: SqlSession, header: BackupHeader): Promise<number> {
  const tables = await refuseRows(session);
  const applied = (await appliedMigrations(session, tables)).map((m) => m.name);
  const expected = header.migrations.slice(0, applied.length).map((m) => m.name);
  if (applied.some((name, i) => name !== expected[i]))
    throw new BackupError(
      `the target database's schema (${applied.join(', ')}) is not an earlier state of the backup's — restore into a new, empty database; nothing was written`,
    );
  return applied.length;
}

/** Throws BackupError when any table other than the migration history has a row. */
export async function refuseRows(session: SqlSession): Promise<TableInfo[]> {
  const tables = await listTables(session);
  for (const table of tables) {
    if (table.name === MIGRATIONS_TABLE) continue;
    const [row] = await session.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table.name)}) AS any`,
    );
    if (row?.any)
      throw new BackupError(
        `the target database is not empty (table ${table.name} has rows) — restore only into an empty database: a new DATA_DIR folder or a new PostgreSQL database; nothing was written`,
      );
  }
  return tables;
}

/** The table the schema engine creates on its first run (same DDL as `prisma migrate deploy`). */
async function ensureMigrationsTable(session: SqlSession): Promise<void> {
  await session.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
}

function checkColumns(header: BackupHeader, target: TableInfo[]): void {
  for (const table of header.tables) {
    const found = target.find((t) => t.name === table.name);
    const shape = (t: TableInfo) => t.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (!found || shape(found) !== shape(table))
      throw new BackupError(
        `table ${table.name} in the backup does not match the schema its migrations create here — restore with the stat-bot version that made the backup; nothing was written`,
      );
  }
}

async function loadRows(session: SqlSession, file: string, header: BackupHeader): Promise<void> {
  let batch: string[] = [];
  let current: TableInfo | undefined;
  const flush = async () => {
    if (!current || batch.length === 0) return;
    const columns = current.columns.map((c) => quoteIdent(c.name)).join(', ');
    const name = quoteIdent(current.name);
    // PostgreSQL parses its own JSON text back: exact for every type, no value passes through JS.
    await session.query(
      `INSERT INTO ${name} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${name}, $1::json)`,
      [`[${batch.join(',')}]`],
    );
    batch = [];
  };
  let first = true;
  for await (const line of backupLines(file)) {
    if (first) {
      first = false;
      continue;
    }
    const tableName = tableOfLine(line);
    if (tableName === null) break; // the trailer
    if (tableName !== current?.name) {
      await flush();
      current = header.tables.find((t) => t.name === tableName);
    }
    batch.push(rowOfLine(line, tableName) ?? '');
    if (batch.length >= LOAD_BATCH) await flush();
  }
  await flush();
}

async function setSequences(session: SqlSession, trailer: BackupTrailer): Promise<void> {
  for (const s of trailer.sequences) {
    await session.query(`SELECT setval($1::regclass, $2::bigint, $3::boolean)`, [
      quoteIdent(s.name),
      s.lastValue,
      s.isCalled,
    ]);
  }
}

function checkDigests(digests: TableDigest[], trailer: BackupTrailer): void {
  for (const expected of trailer.tables) {
    const found = digests.find((d) => d.name === expected.name);
    if (!found || found.rows !== expected.rows || found.sha256 !== expected.sha256)
      throw new BackupError(
        `table ${expected.name} does not read back as it was backed up (${found?.rows ?? 0} of ${expected.rows} rows, checksum ${found?.sha256 === expected.sha256 ? 'equal' : 'different'}); nothing was written`,
      );
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
