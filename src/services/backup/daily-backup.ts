// The scheduled backup: once a day after the quiet hour, into BACKUP_DIR, keeping the newest
// BACKUP_KEEP scheduled ones (backups taken by hand are the operator's to delete). A failure is
// reported to the admins once per run of failures: a marker row says "told"; a success removes it,
// so a backup that fails every night is told about once, and again only after one has succeeded.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { backupsToPrune, isDailyBackupDue } from '../../domain/backup/backup-schedule.js';
import { BACKUP_SUFFIX, writeBackup } from '../../infra/db/backup/write-backup.js';
import type { Database } from '../../infra/db/client.js';
import type { Logger } from '../../infra/logger.js';

const LABEL = 'daily';
const DAILY_SUFFIX = `-${LABEL}${BACKUP_SUFFIX}`;

export interface DailyBackupSettings {
  dir: string;
  keep: number;
}

export type DailyBackupOutcome =
  | { kind: 'not_due' }
  | { kind: 'written'; file: string; bytes: number; pruned: string[] }
  /** `tell` lists the admins to tell now (empty when they have been told about this run of failures). */
  | { kind: 'failed'; error: string; dir: string; lastGood: string | null; tell: string[] };

export async function runDailyBackup(
  deps: { db: Database; logger: Logger },
  settings: DailyBackupSettings,
  now: Date,
): Promise<DailyBackupOutcome> {
  const existing = await dailyBackups(settings.dir);
  const newest = existing.at(-1) ?? null;
  const timezone = (await deps.db.prisma.program.findFirst({ select: { timezone: true } }))?.timezone ?? 'UTC';
  if (!isDailyBackupDue(now, newest ? stampOf(newest) : null, timezone)) return { kind: 'not_due' };
  try {
    const written = await writeBackup(deps.db, { dir: settings.dir, label: LABEL }, now);
    const pruned = backupsToPrune([...existing, written.file.slice(settings.dir.length + 1)], settings.keep);
    for (const name of pruned) await rm(join(settings.dir, name), { force: true });
    await deps.db.prisma.processedInteraction.deleteMany({ where: { key: FAILURE_TOLD } });
    deps.logger.info('daily backup written', { file: written.file, bytes: written.bytes, pruned: pruned.length });
    return { kind: 'written', file: written.file, bytes: written.bytes, pruned };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    deps.logger.error('daily backup failed', { err, dir: settings.dir });
    return { kind: 'failed', error, dir: settings.dir, lastGood: newest, tell: await adminsToTell(deps.db, now) };
  }
}

/** Scheduled backups in the folder, oldest first (a missing folder has none). */
async function dailyBackups(dir: string): Promise<string[]> {
  try {
    const names = (await readdir(dir)).filter((name) => name.endsWith(DAILY_SUFFIX));
    const key = (name: string) => stampOf(name)?.getTime() ?? 0;
    return names.sort((a, b) => key(a) - key(b) || a.localeCompare(b));
  } catch {
    return [];
  }
}

/** The instant in a backup's name: "riverton-stat-20261110T081700Z-daily…" → 2026-11-10T08:17:00Z. */
function stampOf(name: string): Date | null {
  const m = /-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-/.exec(name);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : null;
}

/** Present while a run of failures has been reported (one row, whichever replica told first). */
const FAILURE_TOLD = 'backup-failure-told';

async function adminsToTell(db: Database, now: Date): Promise<string[]> {
  try {
    const first = await db.prisma.processedInteraction.createMany({
      data: [{ key: FAILURE_TOLD, createdAt: now }],
      skipDuplicates: true,
    });
    if (first.count === 0) return [];
    const people = await db.prisma.person.findMany({
      where: { OR: [{ isAdmin: true }, { isChair: true }] },
      orderBy: [{ isAdmin: 'desc' }, { id: 'asc' }],
    });
    const admins = people.filter((p) => p.isAdmin);
    return (admins.length ? admins : people).map((p) => p.slackUserId);
  } catch {
    return []; // the database itself may be what failed; the log has it
  }
}
