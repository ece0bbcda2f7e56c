// Moves the whole database to another (a PGlite pilot to a PostgreSQL server): a backup file of
// the source first (kept, so the move itself is undoable), restored into the empty target, then
// both databases read back and compared table by table (row count and checksum).
import type { Database } from '../client.js';
import { BackupError } from './backup-error.js';
import { listTables } from './catalog.js';
import { refuseRows, restoreBackup } from './restore-backup.js';
import { inTransaction } from './sql-session.js';
import { digestTables, type TableDigest } from './table-rows.js';
import { type BackupSummary, writeBackup } from './write-backup.js';

export interface CopySummary {
  backup: BackupSummary;
  tables: TableDigest[];
}

export async function copyDatabase(
  source: Database,
  target: Database,
  options: { backupDir: string; now: Date; migrationsDir?: string },
): Promise<CopySummary> {
  await inTransaction(target, 'snapshot', refuseRows); // before writing anything anywhere
  const backup = await writeBackup(source, { dir: options.backupDir }, options.now);
  await restoreBackup(target, backup.file, options.migrationsDir ? { migrationsDir: options.migrationsDir } : {});
  const [from, to] = await Promise.all([digestsOf(source), digestsOf(target)]);
  for (const table of from) {
    const copied = to.find((t) => t.name === table.name);
    if (!copied || copied.rows !== table.rows || copied.sha256 !== table.sha256)
      throw new BackupError(
        `table ${table.name} differs after the copy (${table.rows} rows in the source, ${copied?.rows ?? 0} in the target) — do not switch DATABASE_URL; the backup ${backup.file} is intact`,
      );
  }
  return { backup, tables: from };
}

/** Row count and checksum of every table, from one snapshot. */
export function digestsOf(db: Database): Promise<TableDigest[]> {
  return inTransaction(db, 'snapshot', async (session) => digestTables(session, await listTables(session)));
}
