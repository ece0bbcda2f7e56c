// Backup → restore into an empty database → the same exports and the same per-table checksums,
// on whichever back end createTestDatabase gives (PGlite, or PostgreSQL with TEST_DATABASE_URL).
// And every way a restore must refuse, with nothing written.

import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local-stack/local-stack.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { BackupError } from '../../src/infra/db/backup/backup-error.js';
import { digestsOf } from '../../src/infra/db/backup/copy-database.js';
import { restoreBackup } from '../../src/infra/db/backup/restore-backup.js';
import { writeBackup } from '../../src/infra/db/backup/write-backup.js';
import { exportFollowUpsCsv, exportValuesCsv } from '../../src/services/export/export-csv.js';
import { MON_2_NOV, playAMonth } from './month-fixture.js';

let dir: string;
let source: TestDatabase;
let stack: LocalStack;
let backupFile: string;
const targets: TestDatabase[] = [];

async function emptyDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase({ migrate: false });
  targets.push(db);
  return db;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stat-backup-'));
  source = await createTestDatabase();
  stack = await startLocalStack({ db: source, now: MON_2_NOV });
  await playAMonth(stack);
  backupFile = (await writeBackup(source, { dir }, new Date('2026-11-10T08:00:00Z'))).file;
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await source?.close();
  for (const t of targets) await t.close();
  await rm(dir, { recursive: true, force: true });
});

/** Rewrites a backup's lines (gunzip → edit → gzip), keeping it a well-formed gzip file. */
async function rewritten(name: string, edit: (lines: string[]) => string[]): Promise<string> {
  const lines = gunzipSync(await readFile(backupFile))
    .toString('utf8')
    .trimEnd()
    .split('\n');
  const file = join(dir, name);
  await writeFile(file, gzipSync(`${edit(lines).join('\n')}\n`));
  return file;
}

async function rowCount(db: TestDatabase): Promise<number> {
  const tables = await db.prisma.$queryRawUnsafe<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()`,
  );
  return tables[0]?.n ?? -1;
}

describe('a backup of a month of the sample program', () => {
  it('is named after the program and the time, and holds every table with the migration history', async () => {
    expect(backupFile).toMatch(/riverton-stat-20261110T080000Z\.stat-backup\.jsonl\.gz$/);
    const header = JSON.parse(
      gunzipSync(await readFile(backupFile))
        .toString('utf8')
        .split('\n')[0] ?? '{}',
    );
    const names = header.tables.map((t: { name: string }) => t.name);
    expect(names).toContain('_prisma_migrations');
    expect(names).toContain('MetricValueRevision');
    expect(names.indexOf('Department')).toBeLessThan(names.indexOf('Metric'));
    expect(header.migrations.length).toBeGreaterThan(0);
  });

  it('restores into an empty database with identical exports and per-table checksums', async () => {
    const target = await emptyDatabase();
    const summary = await restoreBackup(target, backupFile);
    expect(summary.tables.find((t) => t.name === 'MetricValue')?.rows).toBeGreaterThan(300);
    expect(summary.tables.find((t) => t.name === 'MetricValueRevision')?.rows).toBeGreaterThan(0);
    expect(summary.tables.find((t) => t.name === 'FollowUpUpdate')?.rows).toBeGreaterThan(0);
    expect(summary.tables.find((t) => t.name === 'ScheduledNotice')?.rows).toBeGreaterThan(0);
    expect(await digestsOf(target)).toEqual(await digestsOf(source));
    expect(await exportValuesCsv(target.prisma)).toBe(await exportValuesCsv(source.prisma));
    expect(await exportFollowUpsCsv(target.prisma)).toBe(await exportFollowUpsCsv(source.prisma));
    // A double with 17 significant digits comes back bit for bit.
    const exact = await target.prisma.metricValue.findFirst({ where: { value: 0.1 + 0.2 + 1 } });
    expect(exact).not.toBeNull();
    // Sequences continue where they were: the next id is new, not a reused one.
    const before = await source.prisma.auditEvent.create({ data: { actor: 't', action: 'next' } });
    const after = await target.prisma.auditEvent.create({ data: { actor: 't', action: 'next' } });
    expect(after.id).toBe(before.id);
    await source.prisma.auditEvent.delete({ where: { id: before.id } });
    // And the restored schema is the migrated one: nothing pending.
    expect((await target.migrationStatus()).pending).toEqual([]);
  });

  it('restores into a migrated database that has no rows yet', async () => {
    const target = await createTestDatabase();
    targets.push(target);
    await restoreBackup(target, backupFile);
    expect(await exportValuesCsv(target.prisma)).toBe(await exportValuesCsv(source.prisma));
  });
});

describe('restore refuses, writing nothing', () => {
  async function refusal(file: string, target?: TestDatabase): Promise<{ message: string; db: TestDatabase }> {
    const db = target ?? (await emptyDatabase());
    const error = await restoreBackup(db, file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    return { message: (error as Error).message, db };
  }

  it('a database that is not empty', async () => {
    const { message } = await refusal(backupFile, source);
    expect(message).toMatch(/not empty/);
    expect(await digestsOf(source)).toEqual(await digestsOf(source));
  });

  it('a truncated file', async () => {
    const bytes = await readFile(backupFile);
    const file = join(dir, 'truncated.gz');
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const { message, db } = await refusal(file);
    expect(message).toMatch(/truncated or damaged/);
    expect(await rowCount(db)).toBe(0);
  });

  it('a file cut at a line boundary (a well-formed gzip without its closing line)', async () => {
    const { message, db } = await refusal(await rewritten('cut.gz', (lines) => lines.slice(0, -40)));
    expect(message).toMatch(/truncated/);
    expect(await rowCount(db)).toBe(0);
  });

  it('a damaged byte', async () => {
    const bytes = Buffer.from(await readFile(backupFile));
    const at = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    const file = join(dir, 'flipped.gz');
    await writeFile(file, bytes);
    const { message, db } = await refusal(file);
    expect(message).toMatch(/truncated or damaged|damaged/);
    expect(await rowCount(db)).toBe(0);
  });

  it('a row edited by hand', async () => {
    const file = await rewritten('edited.gz', (lines) =>
      lines.map((l) => (l.includes('"t":"MetricValue"') ? l.replace(/"value":[0-9.]+/, '"value":1') : l)),
    );
    const { message, db } = await refusal(file);
    expect(message).toMatch(/MetricValue fail their checksum/);
    expect(await rowCount(db)).toBe(0);
  });

  it('a backup made by a newer schema', async () => {
    const file = await rewritten('newer.gz', (lines) => {
      const header = JSON.parse(lines[0] ?? '{}');
      header.migrations.push({ name: '29990101000000_from_the_future', checksum: 'x' });
      const headerLine = JSON.stringify(header);
      const trailer = JSON.parse(lines.at(-1) ?? '{}');
      trailer.headerSha256 = createHash('sha256').update(headerLine).digest('hex');
      return [headerLine, ...lines.slice(1, -1), JSON.stringify(trailer)];
    });
    const { message, db } = await refusal(file);
    expect(message).toMatch(/newer stat-bot.*29990101000000_from_the_future/);
    expect(await rowCount(db)).toBe(0);
  });

  it('a backup in a newer format', async () => {
    const file = await rewritten('format.gz', (lines) => [
      (lines[0] ?? '').replace('"version":1', '"version":2'),
      ...lines.slice(1),
    ]);
    const { message } = await refusal(file);
    expect(message).toMatch(/newer stat-bot \(backup format 2/);
  });

  it('a file that is not a backup', async () => {
    const file = join(dir, 'not-a-backup.gz');
    await writeFile(file, gzipSync('hello\n'));
    expect((await refusal(file)).message).toMatch(/not a stat-bot backup/);
  });
});
