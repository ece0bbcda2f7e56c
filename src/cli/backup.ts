// `stat backup`, `stat restore` and `stat db copy`: the operator's side of issue 18.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { BackupError } from '../infra/db/backup/backup-error.js';
import { requestBackup } from '../infra/db/backup/backup-socket.js';
import { copyDatabase } from '../infra/db/backup/copy-database.js';
import { restoreBackup } from '../infra/db/backup/restore-backup.js';
import { type BackupSummary, type BackupTarget, writeBackup } from '../infra/db/backup/write-backup.js';
import { openDatabase } from '../infra/db/client.js';
import { parsePostgresUrl } from '../infra/db/postgres-url.js';
import { DatabaseUnavailableError } from '../infra/db-errors.js';
import { CliError } from './cli-error.js';

type CliConfig = Pick<Config, 'database' | 'backup'>;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const rowTotal = (tables: Array<{ rows: number }>) => tables.reduce((n, t) => n + t.rows, 0);

export async function runBackup(out: string | undefined, config: CliConfig): Promise<number> {
  if (!out && !config.backup.dir)
    throw new CliError('say where: npm run stat -- backup --out <file>, or set BACKUP_DIR');
  // Absolute: on embedded PGlite the running bot may write it, from its own working directory.
  const target: BackupTarget = out ? { file: resolve(out) } : { dir: resolve(config.backup.dir ?? '.') };
  const { summary, where } = await backupNow(target, config);
  console.log(
    `Backed up ${rowTotal(summary.tables)} rows in ${summary.tables.length} tables (${where}) to ${summary.file} (${kib(summary.bytes)}).`,
  );
  return 0;
}

async function backupNow(target: BackupTarget, config: CliConfig): Promise<{ summary: BackupSummary; where: string }> {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase({ ...config.database, migrate: false });
  } catch (error) {
    // The bot holds the embedded folder: it takes the backup itself, from its open database.
    if (!(error instanceof DatabaseUnavailableError && error.reason === 'in_use')) throw error;
    const summary = await requestBackup(config.database.dataDir, target, new Date());
    if (!summary) throw error;
    return { summary, where: `PGlite in ${config.database.dataDir}, through the running bot` };
  }
  try {
    return { summary: await writeBackup(db, target, new Date()), where: db.location };
  } finally {
    await db.close();
  }
}

/** `--to` a PostgreSQL URL or a PGlite folder; default: the database the settings name. */
function targetOf(to: string | undefined, config: CliConfig) {
  if (!to) return config.database;
  return /^postgres(ql)?:\/\//.test(to) ? { databaseUrl: to } : { dataDir: to };
}

export async function runRestore(file: string, to: string | undefined, config: CliConfig): Promise<number> {
  if (!existsSync(file)) throw new CliError(`${file}: no such file`);
  const target = targetOf(to, config);
  const db = await openDatabase({ ...target, migrate: false });
  try {
    const summary = await restoreBackup(db, file);
    const newer = await db.migrate();
    console.log(
      `Restored ${rowTotal(summary.tables)} rows in ${summary.tables.length} tables of ${summary.program ?? 'the program'} (backup of ${summary.createdAt}) into ${db.location}; every table's row count and checksum match the backup.`,
    );
    if (newer.length) console.log(`Then applied this version's newer migrations: ${newer.join(', ')}.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(`restore refused: ${error.message}`);
    throw error;
  } finally {
    await db.close();
  }
}

export async function runDbCopy(to: string | undefined, config: CliConfig): Promise<number> {
  if (!to || !/^postgres(ql)?:\/\//.test(to))
    throw new CliError(
      'db copy needs the PostgreSQL server to move to: npm run stat -- db copy --to postgres://user:pass@host:5432/stat',
    );
  const source = await openDatabase({ ...config.database, migrate: false });
  try {
    const target = await openDatabase({ databaseUrl: to, migrate: false });
    try {
      const backupDir = resolve(config.backup.dir ?? './backups');
      const summary = await copyDatabase(source, target, { backupDir, now: new Date() });
      const where = parsePostgresUrl(to);
      console.log(
        [
          `Copied ${rowTotal(summary.tables)} rows in ${summary.tables.length} tables from ${source.location} to ${target.location}.`,
          'Verified: every table has the same row count and checksum in both databases.',
          `A backup of the source was kept at ${summary.backup.file}.`,
          '',
          'Now set, wherever the bot reads its settings, and start it again:',
          `  DATABASE_URL=${to}`,
          `(the embedded folder ${config.database.dataDir} is no longer used; keep it until you are happy with ${where.display}).`,
        ].join('\n'),
      );
      return 0;
    } finally {
      await target.close();
    }
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(`db copy refused: ${error.message}`);
    throw error;
  } finally {
    await source.close();
  }
}
