// Embedded PGlite survives SIGKILL in the middle of writes: a worker (scripts/crash-worker.ts)
// records submissions and follow-up answers as fast as it can and is killed -9 five times at
// random moments; the folder is reopened each time. Every acknowledged write must be there, and
// no transaction may be half there (a submission writes all of a department's metrics or none).
// Then a database "from the future" makes `npm start` refuse, naming the unknown migration.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedSnapshot } from '../../local-stack/test-db.js';
import { digestsOf } from '../../src/infra/db/backup/copy-database.js';
import { openDatabase } from '../../src/infra/db/client.js';

const KILLS = 5;
const TSX = resolve('node_modules/.bin/tsx');

interface Ack {
  type: string;
  what?: 'submission' | 'answer';
  i?: number;
  dept?: string;
}

let root: string;
const folder = () => join(root, 'pglite');
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'stat-crash-'));
  // A migrated folder from the cached snapshot: skips initdb (the slow part of a first start).
  const seed = await PGlite.create({ dataDir: folder(), loadDataDir: await migratedSnapshot() });
  await seed.close();
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Starts the worker, waits for `ready`, lets it write until `acksBeforeKill` acks, then SIGKILLs it. */
async function burstThenKill(start: number, acksBeforeKill: number, acks: Ack[]): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/crash-worker.ts'], {
    env: { ...process.env, CRASH_DATA_DIR: folder(), CRASH_START: String(start) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  let killed = false;
  let seen = 0;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((done, fail) => {
    child.once('exit', (code) => {
      if (!killed) fail(new Error(`the worker exited (${code}) before it was killed:\n${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = JSON.parse(line) as Ack;
      if (event.type !== 'ack' || killed) return;
      acks.push(event);
      if (++seen === acksBeforeKill) {
        killed = true;
        child.kill('SIGKILL');
        done();
      }
    });
  });
  await exited;
}

describe('embedded PGlite under SIGKILL', () => {
  it('keeps every acknowledged write and nothing half-written', async () => {
    const acks: Ack[] = [];
    for (let round = 0; round < KILLS; round++) {
      // A different number of writes each time, so the kill lands at different points of a transaction.
      await burstThenKill(round * 100_000, 7 + round * 5, acks);
    }
    const db = await openDatabase({ dataDir: folder() });
    try {
      const { prisma } = db;
      const departments = await prisma.department.findMany({ include: { metrics: true } });
      const metricsOf = new Map(departments.map((d) => [d.key, d.metrics.map((m) => m.id)]));
      const submissions = acks.filter((a) => a.what === 'submission');
      const answers = acks.filter((a) => a.what === 'answer');
      expect(submissions.length).toBeGreaterThanOrEqual(KILLS * 3);

      // Every acknowledged submission: its key, and a revision of every one of its metrics.
      for (const a of submissions) {
        expect(await prisma.processedInteraction.findUnique({ where: { key: `crash-sub-${a.i}` } })).not.toBeNull();
        const revisions = await prisma.metricValueRevision.count({
          where: {
            changedBy: 'U0CRASH01',
            newValue: a.i ?? -1,
            metricValue: { metricId: { in: metricsOf.get(a.dept ?? '') ?? [] } },
          },
        });
        expect(revisions).toBe(metricsOf.get(a.dept ?? '')?.length);
      }
      for (const a of answers) {
        expect(await prisma.followUpUpdate.count({ where: { note: `update ${a.i}` } })).toBe(1);
      }

      // Nothing half-written, acknowledged or not: each burst value is on all of a department's
      // metrics or none, and each value's revision counter matches its revision rows.
      const grouped = await prisma.$queryRawUnsafe<Array<{ dept: string; v: number; n: number; total: number }>>(
        `SELECT d.key AS dept, r."newValue" AS v, count(*)::int AS n,
                (SELECT count(*)::int FROM "Metric" m2 WHERE m2."departmentId" = d.id) AS total
           FROM "MetricValueRevision" r JOIN "MetricValue" mv ON mv.id = r."valueId"
           JOIN "Metric" m ON m.id = mv."metricId" JOIN "Department" d ON d.id = m."departmentId"
          WHERE r."changedBy" = 'U0CRASH01' GROUP BY d.key, d.id, r."newValue"`,
      );
      expect(grouped.length).toBeGreaterThanOrEqual(submissions.length);
      for (const g of grouped) expect(g.n, `${g.dept} value ${g.v}`).toBe(g.total);
      const counters = await prisma.$queryRawUnsafe<Array<{ id: number }>>(
        `SELECT mv.id FROM "MetricValue" mv
          WHERE mv.revision <> (SELECT count(*) FROM "MetricValueRevision" r WHERE r."valueId" = mv.id)`,
      );
      expect(counters).toEqual([]);
      // Every page of every table still reads.
      expect((await digestsOf(db)).length).toBeGreaterThan(10);
    } finally {
      await db.close();
    }
  }, 480_000);

  it('a database migrated by a newer stat-bot: npm start refuses and names the migration', async () => {
    const db = await openDatabase({ dataDir: folder() });
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ('future', 'x', '30000101000000_from_a_newer_release', now(), 1)`,
    );
    await db.close();
    const result = await promisify(execFile)(TSX, ['src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
        DATA_DIR: root,
        SCHEDULER: 'off',
      },
      timeout: 120_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code?: number; stderr?: string }) => ({ code: e.code, stderr: e.stderr ?? '' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/stat-bot cannot start: This database was migrated by a newer stat-bot/);
    expect(result.stderr).toContain('30000101000000_from_a_newer_release');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 150_000);
});
