// The database goes away and comes back, on a PostgreSQL server of this test's own (stopping the
// shared one would break the other test files running at the same time). Meanwhile a person gets
// a clear "can't reach its database" answer and a scheduled run fails cleanly; afterwards the bot
// answers again and scheduled work resumes. A DM that Slack accepted just as the database went
// away is recorded when it returns, not sent twice; nothing due is lost.

import { setTimeout as sleep } from 'node:timers/promises';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FANOUT_NOW, seedFanout, tallyFanout } from '../../local-stack/fanout-fixture.js';
import { type LocalStack, startLocalStack } from '../../local-stack/local-stack.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { toDatabaseUnavailable } from '../../src/infra/db-errors.js';
import type { PrismaClient } from '../../src/infra/db-types.js';
import { silentLogger } from '../../src/infra/logger.js';
import { noPacing } from '../../src/infra/slack/pacer.js';
import { createDeliveryDeps } from '../../src/scheduler/jobs/run-due-jobs.js';
import { deliverDueNotices } from '../../src/services/notices/deliver-notices.js';
import { type PrivatePostgres, startPrivatePostgres } from './private-postgres.js';

const postgres = process.env.TEST_DATABASE_URL?.trim();
if (!postgres)
  console.warn(
    "test/reliability/db-faults.test.ts: skipped — it starts and stops a PostgreSQL server of its own; it runs in CI's PostgreSQL phase (TEST_DATABASE_URL set).",
  );

const CHAIR = 'U0CHAIR01';

describe.skipIf(!postgres)('the database goes away and comes back', () => {
  let pg: PrivatePostgres;
  let db: TestDatabase;
  let stack: LocalStack;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
    db = await onServer(pg.url, () => createTestDatabase());
    stack = await startLocalStack({ db, now: FANOUT_NOW });
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await db?.close();
    await pg?.destroy();
  }, 60_000);

  const statusReply = async () => {
    const res = await stack.driver.slashCommand({ command: '/stat', text: 'status', userId: CHAIR });
    expect(res.status).toBe(200);
    return JSON.stringify(stack.sandbox.responses(res.responseUrl!));
  };

  it('meanwhile a command says the database is unreachable and a scheduled run fails cleanly; afterwards both work', async () => {
    await pg.stop();
    try {
      expect(await statusReply()).toContain("can't reach its database");
      const failed = await stack.runDue().then(
        () => null,
        (err: unknown) => err,
      );
      expect(toDatabaseUnavailable(failed)).not.toBeNull();
    } finally {
      await pg.start();
    }
    await untilReachable(db.prisma);
    expect(await statusReply()).toContain('October 2026');
    expect((await stack.runDue()).sent).toBeGreaterThan(0); // October's opening DMs, due since this morning
    stack.sandbox.assertNoViolations();
  }, 60_000);

  it('a DM Slack accepted as the database went away is recorded when it is back, not resent; the rest go out', async () => {
    const recipients = await seedFanout(db, stack.sandbox, 6);
    const client = new WebClient('xoxb-test', { slackApiUrl: stack.sandbox.apiUrl, retryConfig: { retries: 0 } });
    const post = client.chat.postMessage;
    let posts = 0;
    client.chat.postMessage = async (args: Parameters<typeof post>[0]) => {
      const res = await post(args);
      if (++posts === 3) await pg.stop(); // Slack has the third DM; the row is not marked sent yet
      return res;
    };
    const deps = createDeliveryDeps({
      prisma: db.prisma,
      client,
      logger: silentLogger,
      pacer: noPacing,
      workerId: 'worker-1',
      leaseMs: 5 * 60_000,
    });
    const failed = await deliverDueNotices(deps, FANOUT_NOW).then(
      () => null,
      (err: unknown) => err,
    );
    expect(toDatabaseUnavailable(failed)).not.toBeNull();
    expect(posts).toBe(3);
    await pg.start();
    await untilReachable(db.prisma);
    // The next run of the same process: the third is recorded, the three never sent go out now
    // (its own claims are taken back at once, without waiting for the five-minute lease).
    expect(await deliverDueNotices(deps, new Date(FANOUT_NOW.getTime() + 60_000))).toMatchObject({
      sent: 3,
      failed: 0,
    });
    expect(await tallyFanout(db, stack.sandbox, recipients)).toMatchObject({
      delivered: 6,
      duplicates: 0,
      lost: 0,
      badRows: 0,
    });
    stack.sandbox.assertNoViolations();
  }, 60_000);
});

/** Runs `fn` with TEST_DATABASE_URL pointing at `url` (createTestDatabase reads it). */
async function onServer<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = url;
  try {
    return await fn();
  } finally {
    process.env.TEST_DATABASE_URL = saved;
  }
}

/** The pool reconnects on its own; this only waits for the server to accept connections again. */
async function untilReachable(prisma: PrismaClient, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await prisma.$queryRaw`SELECT 1`;
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(100);
    }
  }
}
