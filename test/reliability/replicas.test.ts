// Two bot replicas — separate processes, each with its own PrismaClient and Slack client — deliver
// one fan-out from the same PostgreSQL database: nobody gets a notice twice, nobody is missed. A
// replica SIGKILLed mid-fan-out while holding claimed rows loses nothing: once its lease runs out
// the survivor (or the restarted process) sends the rest, and what was already sent is not resent.
// The window Slack leaves (it has the message, the row is not yet marked) is shown too: a kill
// exactly there used to duplicate that one message; now the restarted replica finds it in the DM's
// history by the key in its metadata, marks it sent and sends it no second time.

import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FANOUT_NOW, seedFanout, tallyFanout } from '../../local-stack/fanout-fixture.js';
import { type Replica, type ReplicaOptions, startReplica } from '../../local-stack/replica-process.js';
import { type SlackSandbox, startSlackSandbox } from '../../local-stack/slack-sandbox/index.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';

const postgres = process.env.TEST_DATABASE_URL?.trim();
if (!postgres)
  console.warn(
    'test/reliability/replicas.test.ts: skipped — replicas need a shared PostgreSQL server (TEST_DATABASE_URL; CI sets it in its PostgreSQL phase).',
  );

const LEASE_MS = 1500;

describe.skipIf(!postgres)('replicas on one PostgreSQL database', () => {
  let db: TestDatabase;
  let sandbox: SlackSandbox;
  const replicas: Replica[] = [];
  let shared: Omit<ReplicaOptions, 'workerId'>;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    sandbox = await startSlackSandbox();
    shared = {
      databaseUrl: db.url!,
      slackApiUrl: sandbox.apiUrl,
      leaseMs: LEASE_MS,
      now: FANOUT_NOW,
      epochMs: Date.now(),
      paceMs: 2,
    };
  });
  afterEach(async () => {
    await Promise.all(replicas.splice(0).map((r) => r.kill()));
    sandbox.assertNoViolations();
    await sandbox.close();
  });

  const replica = (workerId: string, extra: Partial<ReplicaOptions> = {}) => {
    const r = startReplica({ ...shared, workerId, ...extra });
    replicas.push(r);
    return r;
  };
  const claimedBy = (workerId: string) =>
    db.prisma.scheduledNotice.count({ where: { claimedBy: workerId, status: 'claimed' } });

  it('two replicas deliver a fan-out of 60 between them: each notice once, none missed', async () => {
    const recipients = await seedFanout(db, sandbox, 60);
    const [a, b] = [replica('replica-a'), replica('replica-b')];
    await Promise.all([a.ready, b.ready]);
    a.start();
    b.start();
    await Promise.all([a.next('done'), b.next('done')]);
    expect(await tallyFanout(db, sandbox, recipients)).toMatchObject({
      delivered: 60,
      duplicates: 0,
      lost: 0,
      badRows: 0,
    });
    expect(a.reportedSent() + b.reportedSent()).toBe(60);
    // Both really took part: the row locks split the work, they did not take turns.
    expect(Math.min(a.reportedSent(), b.reportedSent())).toBeGreaterThan(5);
  });

  it('a replica SIGKILLed while holding claimed rows: after its lease the survivor sends the rest, nothing twice', async () => {
    const recipients = await seedFanout(db, sandbox, 80);
    const a = replica('replica-a', { holdAt: 10 });
    const b = replica('replica-b');
    await Promise.all([a.ready, b.ready]);
    a.start(); // A claims a batch of 50 and stops after 10 sends; B starts on the other 30
    await a.next('holding');
    b.start();
    await a.kill();
    expect(await claimedBy('replica-a')).toBe(40); // the kill really left claimed, unsent rows behind
    await b.next('done');
    const tally = await tallyFanout(db, sandbox, recipients);
    expect(tally).toMatchObject({ delivered: 80, duplicates: 0, lost: 0, badRows: 0 });
    expect(b.reportedSent()).toBe(70);
    expect(await db.prisma.scheduledNotice.count({ where: { claimedBy: 'replica-a', status: 'sent' } })).toBe(10);
  });

  it('a kill inside the window (Slack has the message, the row is not marked yet): on restart it is found in Slack, not resent', async () => {
    const recipients = await seedFanout(db, sandbox, 20);
    const a = replica('replica-a', { holdAt: 5 });
    await a.ready;
    a.start();
    await a.next('holding');
    // The 6th DM reaches Slack and is held there; the bot is killed before the answer comes back.
    sandbox.failNext('chat.postMessage', { delayMs: 1200 });
    a.go();
    await sleep(300);
    await a.kill();
    await waitFor(() => sandbox.dmsTo(recipients[5]!).length === 1);
    const restarted = replica('replica-a-restarted');
    await restarted.ready;
    restarted.start();
    await restarted.next('done');
    const tally = await tallyFanout(db, sandbox, recipients);
    expect(tally).toMatchObject({ delivered: 20, duplicates: 0, lost: 0, badRows: 0, duplicated: [] });
    expect(restarted.reportedSent()).toBe(15); // 14 sent, and the one found in Slack
    expect(sandbox.callsTo('conversations.history').map((c) => c.args.channel)).toEqual([
      sandbox.dmsTo(recipients[5]!)[0]!.channel,
    ]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}
