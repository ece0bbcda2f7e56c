// Takes a backup: one REPEATABLE READ snapshot (the bot keeps running; on PGlite its queries wait
// for the few seconds this takes), streamed through gzip into `<file>.partial`, renamed into place
// only when complete, so a file with the final name is always a whole backup.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createGzip } from 'node:zlib';
import type { Database } from '../client.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type BackupTrailer, rowLine } from './backup-format.js';
import { listTables, quoteIdent, readSequences, type TableInfo } from './catalog.js';
import type { SqlSession } from './sql-session.js';
import { inTransaction } from './sql-session.js';
import { forEachRow, type TableDigest, tableHasher } from './table-rows.js';

export const BACKUP_SUFFIX = '.stat-backup.jsonl.gz';

export interface BackupSummary {
  file: string;
  bytes: number;
  program: string | null;
  tables: TableDigest[];
  migrations: string[];
}

/** `riverton-stat-20261130T031700Z.stat-backup.jsonl.gz`: sortable, and says whose it is. */
export function backupFileName(program: string | null, at: Date, label?: string): string {
  const slug =
    (program ?? 'stat-bot')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'stat-bot';
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${slug}-${stamp}${label ? `-${label}` : ''}${BACKUP_SUFFIX}`;
}

/** A file, or a folder to name one in (`label` marks e.g. the scheduled ones: "…-daily.stat-backup…"). */
export type BackupTarget = { file: string } | { dir: string; label?: string };

export async function writeBackup(db: Database, target: BackupTarget, now: Date): Promise<BackupSummary> {
  return inTransaction(db, 'snapshot', async (session) => {
    const tables = await listTables(session);
    const program = await programName(session, tables);
    const file = 'file' in target ? target.file : join(target.dir, backupFileName(program, now, target.label));
    await mkdir(dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    try {
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: now.toISOString(),
        program,
        source: db.kind,
        migrations: await appliedMigrations(session, tables),
        tables,
      };
      const digests = await writeFile(partial, session, header);
      await rename(partial, file);
      const { size } = await stat(file);
      return { file, bytes: size, program, tables: digests, migrations: header.migrations.map((m) => m.name) };
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  });
}

async function writeFile(path: string, session: SqlSession, header: BackupHeader): Promise<TableDigest[]> {
  const gzip = createGzip();
  const out = createWriteStream(path);
  gzip.pipe(out);
  const finished = once(out, 'close');
  const failed = new Promise<never>((_, reject) => {
    out.once('error', reject);
    gzip.once('error', reject);
  });
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, 'drain'), failed]);
  };
  const headerLine = JSON.stringify(header);
  await write(headerLine);
  const digests: TableDigest[] = [];
  for (const table of header.tables) {
    const hasher = tableHasher(table.name);
    await forEachRow(session, table, async (json) => {
      hasher.add(json);
      await write(rowLine(table.name, json));
    });
    digests.push(hasher.done());
  }
  const trailer: BackupTrailer = {
    end: true,
    tables: digests,
    sequences: await readSequences(session),
    headerSha256: createHash('sha256').update(headerLine).digest('hex'),
  };
  await write(JSON.stringify(trailer));
  gzip.end();
  await Promise.race([finished, failed]);
  return digests;
}

async function programName(session: SqlSession, tables: TableInfo[]): Promise<string | null> {
  if (!tables.some((t) => t.name === 'Program')) return null;
  const [row] = await session.query<{ name: string }>(`SELECT name FROM "Program" ORDER BY id LIMIT 1`);
  return row?.name ?? null;
}

export const MIGRATIONS_TABLE = '_prisma_migrations';

/** Migrations that finished and were not rolled back, oldest first. */
export async function appliedMigrations(
  session: SqlSession,
  tables: TableInfo[],
): Promise<Array<{ name: string; checksum: string }>> {
  if (!tables.some((t) => t.name === MIGRATIONS_TABLE)) return [];
  return session.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM ${quoteIdent(MIGRATIONS_TABLE)}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C"`,
  );
}
