// The operator's commands as processes, on an embedded PGlite folder: backup → restore into a new
// folder → the same `stat export`; and, with TEST_DATABASE_URL, `db copy` to PostgreSQL followed
// by the bot on PostgreSQL serving /stat status and the next month's ladder without re-sending.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../local-stack/local-stack.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { serveBackups } from '../../src/infra/db/backup/backup-socket.js';
import { digestsOf } from '../../src/infra/db/backup/copy-database.js';
import { openDatabase } from '../../src/infra/db/client.js';
import { slashReply } from '../helpers/use-local-stack.js';
import { MON_2_NOV, playAMonth, TUE_10_NOV } from './month-fixture.js';

const TSX = resolve('node_modules/.bin/tsx');
const postgres = process.env.TEST_DATABASE_URL?.trim();

async function stat(args: string[], env: Record<string, string>) {
  try {
    const r = await promisify(execFile)(TSX, ['src/cli/main.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      timeout: 150_000,
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: e.stdout ?? '', err: e.stderr ?? '' };
  }
}

let root: string;
const pilot = () => join(root, 'pilot'); // DATA_DIR: the folder is <DATA_DIR>/pglite

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'stat-cli-backup-'));
  const db = await openDatabase({ dataDir: join(pilot(), 'pglite') });
  const stack = await startLocalStack({ db, now: MON_2_NOV });
  try {
    await playAMonth(stack);
  } finally {
    await stack.close();
    await db.close();
  }
}, 180_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('stat backup and stat restore on embedded folders', () => {
  it('round-trips to the same export, and refuses to restore over data', async () => {
    const backups = join(root, 'backups');
    const made = await stat(['backup'], { DATA_DIR: pilot(), BACKUP_DIR: backups });
    expect(made.err).toBe('');
    expect(made.out).toMatch(/Backed up \d+ rows in \d+ tables/);
    const [file] = await readdir(backups);
    expect(file).toMatch(/^riverton-stat-\d{8}T\d{6}Z\.stat-backup\.jsonl\.gz$/);
    const backup = join(backups, file ?? '');

    const restored = await stat(['restore', backup, '--to', join(root, 'restored', 'pglite')], {});
    expect(restored.err).toBe('');
    expect(restored.out).toMatch(/every table's row count and checksum match the backup/);

    await stat(['export', '--out', join(root, 'a')], { DATA_DIR: pilot() });
    await stat(['export', '--out', join(root, 'b')], { DATA_DIR: join(root, 'restored') });
    for (const csv of ['values.csv', 'followups.csv'])
      expect(await readFile(join(root, 'b', csv), 'utf8')).toBe(await readFile(join(root, 'a', csv), 'utf8'));

    const again = await stat(['restore', backup], { DATA_DIR: pilot() });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^error: restore refused: the target database is not empty/);
    expect(again.err).not.toMatch(/\n\s+at /);
  }, 180_000);

  it('takes the backup through the running bot, which holds the embedded folder, while it writes', async () => {
    const bot = await openDatabase({ dataDir: join(pilot(), 'pglite') }); // holds the folder lock, as npm start does
    const server = await serveBackups(bot, join(pilot(), 'pglite'), () => {});
    let writing = true;
    const writes = (async () => {
      // PGlite answers through microtasks only: yield to I/O between writes, as a bot serving requests does.
      for (let i = 0; writing; i++) {
        await bot.prisma.auditEvent.create({ data: { actor: 'bot', action: `busy ${i}` } });
        await new Promise((done) => setTimeout(done, 5));
      }
    })();
    try {
      const out = join(root, 'live', 'while-running.stat-backup.jsonl.gz');
      const r = await stat(['backup', '--out', out], { DATA_DIR: pilot() });
      expect(r.err).toBe('');
      expect(r.out).toContain('through the running bot');
      writing = false;
      await writes;
      const restored = await openDatabase({ dataDir: join(root, 'live-restored', 'pglite'), migrate: false });
      try {
        const { restoreBackup } = await import('../../src/infra/db/backup/restore-backup.js');
        const summary = await restoreBackup(restored, out);
        expect(summary.tables.find((t) => t.name === 'AuditEvent')?.rows).toBeGreaterThan(0);
      } finally {
        await restored.close();
      }
    } finally {
      writing = false;
      await writes;
      await server?.close();
      await bot.close();
    }
  }, 180_000);

  it('says where a backup should go when there is no BACKUP_DIR', async () => {
    const r = await stat(['backup'], { DATA_DIR: pilot() });
    expect(r.code).toBe(1);
    expect(r.err).toContain('--out <file>, or set BACKUP_DIR');
  });
});

describe.skipIf(!postgres)('stat db copy from the embedded pilot to PostgreSQL', () => {
  let target: TestDatabase;
  afterAll(async () => {
    await target?.close();
  });

  it('copies, verifies and prints DATABASE_URL; the bot then carries on without re-sending', async () => {
    target = await createTestDatabase({ migrate: false });
    const url = target.url ?? '';
    const copy = await stat(['db', 'copy', '--to', url], { DATA_DIR: pilot(), BACKUP_DIR: join(root, 'copy-backups') });
    expect(copy.err).toBe('');
    expect(copy.out).toContain('Verified: every table has the same row count and checksum in both databases.');
    expect(copy.out).toContain(`DATABASE_URL=${url}`);

    const source = await openDatabase({ dataDir: join(pilot(), 'pglite'), migrate: false });
    try {
      expect(await digestsOf(target)).toEqual(await digestsOf(source));
    } finally {
      await source.close();
    }

    const refused = await stat(['db', 'copy', '--to', url], { DATA_DIR: pilot(), BACKUP_DIR: join(root, 'refused') });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/db copy refused: the target database is not empty/);
    expect(existsSync(join(root, 'refused'))).toBe(false); // refused before writing anything

    // The bot, now on PostgreSQL, at the moment the pilot last ran: nothing is due again.
    const stack = await startLocalStack({ db: target, now: TUE_10_NOV });
    try {
      const rerun = await stack.runDue(TUE_10_NOV);
      expect(rerun.sent).toBe(0);
      expect(stack.sandbox.messages.length).toBe(0);
      const status = await slashReply(stack, 'status 2026-10', 'U0CHAIR01');
      expect(status).toContain('Public Works');
      // November closes: the next month's ladder opens; what the pilot sent is never sent again.
      const sentBefore = await target.prisma.scheduledNotice.findMany({ where: { status: 'sent' } });
      const next = await stack.runDue('2026-12-01T15:30:00Z');
      expect(next.sent).toBeGreaterThan(0);
      const texts = stack.sandbox.messages.map((m) => m.text ?? '');
      expect(texts.some((t) => t.includes('November'))).toBe(true);
      for (const before of sentBefore) {
        const now = await target.prisma.scheduledNotice.findUniqueOrThrow({ where: { id: before.id } });
        expect(now.sentAt).toEqual(before.sentAt);
      }
      const sentNow = await target.prisma.scheduledNotice.count({
        where: { status: 'sent', sentAt: { gte: new Date('2026-12-01T00:00:00Z') } },
      });
      expect(sentNow).toBe(next.sent);
      expect(sentBefore.length).toBeGreaterThan(0);
    } finally {
      await stack.close();
    }
  }, 180_000);
});
