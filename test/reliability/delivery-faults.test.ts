// Scheduled delivery when Slack misbehaves, and when a replica is slower than its lease: what is
// retried (with backoff, or after Slack's Retry-After), what fails at once and is reported to an
// admin once, that DMs are paced to Slack's limits instead of meeting them as 429s, and that one
// broken notice does not hold up the rest. Runs on PGlite or PostgreSQL.

import { WebClient, type WebClientOptions } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FANOUT_NOW, seedFanout, tallyFanout } from '../../local-stack/fanout-fixture.js';
import { type SlackSandbox, startSlackSandbox } from '../../local-stack/slack-sandbox/index.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { slackClientOptions } from '../../src/app/slack-client.js';
import { silentLogger } from '../../src/infra/logger.js';
import { createPacer, noPacing, type Pacer } from '../../src/infra/slack/pacer.js';
import { createDeliveryDeps, type DeliveryJobDeps } from '../../src/scheduler/jobs/run-due-jobs.js';
import { type DeliveryDeps, deliverDueNotices } from '../../src/services/notices/deliver-notices.js';

const ADMIN = 'U0ADMIN01';
const at = (minutes: number) => new Date(FANOUT_NOW.getTime() + minutes * 60_000);

let db: TestDatabase;
let sandbox: SlackSandbox;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  sandbox = await startSlackSandbox({ pacing: { perSecond: 20, burst: 1 } });
  sandbox.addUser({ id: ADMIN, name: 'sam.ortiz' });
});
afterEach(async () => {
  sandbox.assertNoViolations();
  await sandbox.close();
});

function deps(extra: Partial<DeliveryJobDeps> & { clientOptions?: WebClientOptions } = {}): DeliveryDeps {
  const { clientOptions, ...rest } = extra;
  const client = new WebClient('xoxb-test', {
    slackApiUrl: sandbox.apiUrl,
    retryConfig: { retries: 0 },
    ...clientOptions,
  });
  return createDeliveryDeps({
    prisma: db.prisma,
    client,
    logger: silentLogger,
    pacer: noPacing,
    workerId: 'worker-1',
    leaseMs: 60_000,
    ...rest,
  });
}
const row = (recipient: string) => db.prisma.scheduledNotice.findFirstOrThrow({ where: { recipient } });

describe('delivery under faults', () => {
  it('a replica slower than its lease loses the rest of its batch to another replica, and does not send it too', async () => {
    const recipients = await seedFanout(db, sandbox, 6);
    let b: Awaited<ReturnType<typeof deliverDueNotices>> | undefined;
    // A stalls after its first send for longer than its lease; meanwhile B runs, finds A's lease
    // expired and takes the other five over.
    let waits = 0;
    const stalling: Pacer = {
      ...noPacing,
      async wait() {
        if (++waits === 2) b = await deliverDueNotices(deps({ workerId: 'replica-b' }), at(2));
      },
    };
    const a = await deliverDueNotices(deps({ workerId: 'replica-a', pacer: stalling }), FANOUT_NOW);
    expect({ a: a.sent, b: b?.sent }).toEqual({ a: 1, b: 5 });
    expect(await tallyFanout(db, sandbox, recipients)).toMatchObject({
      delivered: 6,
      duplicates: 0,
      lost: 0,
      badRows: 0,
    });
  });

  it('5xx and transient Slack errors are retried later with exponential backoff, then sent once', async () => {
    const recipients = await seedFanout(db, sandbox, 3);
    sandbox.failNext('chat.postMessage', { status: 503 });
    sandbox.failNext('chat.postMessage', { error: 'internal_error' });
    expect(await deliverDueNotices(deps(), FANOUT_NOW)).toMatchObject({ sent: 1, deferred: 2 });
    const [first, second] = [await row(recipients[0]!), await row(recipients[1]!)];
    expect([first.lastError, second.lastError]).toEqual(['http_503', 'internal_error']);
    expect(first.sendAt).toEqual(at(2)); // first attempt failed: 2^1 minutes
    expect(await deliverDueNotices(deps(), at(1))).toMatchObject({ sent: 0 });
    expect(await deliverDueNotices(deps(), at(2))).toMatchObject({ sent: 2 });
    expect(await tallyFanout(db, sandbox, recipients)).toMatchObject({ delivered: 3, duplicates: 0, badRows: 0 });
  });

  it('429: waits exactly Retry-After (not Retry-After + the client backoff), holds the pacer, sends once', async () => {
    const recipients = await seedFanout(db, sandbox, 2);
    // The bot's own client (slack-client.ts: rejectRateLimitedCalls, 2 retries after 1 s and 2 s).
    const clientOptions = slackClientOptions({ apiUrl: sandbox.apiUrl }, silentLogger);
    const paused: number[] = [];
    const pacer = createPacer();
    const telling: Pacer = {
      wait: (c) => pacer.wait(c),
      pause(ms) {
        paused.push(ms);
        pacer.pause(ms);
      },
    };
    sandbox.failNext('chat.postMessage', { rateLimited: 1 });
    expect(await deliverDueNotices(deps({ clientOptions, pacer: telling }), FANOUT_NOW)).toMatchObject({ sent: 2 });
    const posts = sandbox.callsTo('chat.postMessage');
    expect(posts.map((c) => c.status)).toEqual([429, 200, 200]);
    expect(posts[1]!.args.channel).toBe(posts[0]!.args.channel);
    const waited = posts[1]!.at - posts[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(1000);
    expect(waited).toBeLessThan(1800); // Retry-After + the client's 1 s backoff would be 2 s or more
    expect(paused).toEqual([1000]);
    expect(await tallyFanout(db, sandbox, recipients)).toMatchObject({ delivered: 2, duplicates: 0 });
  });

  it('429: after 3 rate-limited retries, or a Retry-After too long to wait, the notice is rescheduled no sooner', async () => {
    const clientOptions = slackClientOptions({ apiUrl: sandbox.apiUrl }, silentLogger);
    const [first] = await seedFanout(db, sandbox, 1);
    sandbox.failNext('chat.postMessage', { rateLimited: 0 }, 4);
    expect(await deliverDueNotices(deps({ clientOptions }), FANOUT_NOW)).toMatchObject({ deferred: 1 });
    expect(sandbox.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 429, 429, 429]);
    expect((await row(first!)).lastError).toBe('ratelimited');
    // Ten minutes is not waited inside the send: one call, and the notice comes back after them.
    const [later] = await seedFanout(db, sandbox, 1);
    sandbox.failNext('chat.postMessage', { rateLimited: 600 });
    expect(await deliverDueNotices(deps({ clientOptions }), FANOUT_NOW)).toMatchObject({ deferred: 1 });
    expect(sandbox.callsTo('chat.postMessage')).toHaveLength(5);
    expect((await row(later!)).sendAt).toEqual(at(10));
  });

  it('a recipient the bot cannot reach fails at once, and an admin is told once — not per notice, not per run', async () => {
    const recipients = await seedFanout(db, sandbox, 4);
    await db.prisma.scheduledNotice.updateMany({
      where: { recipient: { in: recipients.slice(1, 3) } },
      data: { recipient: 'C0GONE' },
    });
    expect(await deliverDueNotices(deps(), FANOUT_NOW)).toMatchObject({ sent: 2, failed: 2, deferred: 0 });
    const gone = await db.prisma.scheduledNotice.findMany({ where: { recipient: 'C0GONE' } });
    expect(gone.map((n) => [n.status, n.lastError, n.attempts])).toEqual([
      ['failed', 'channel_not_found', 1],
      ['failed', 'channel_not_found', 1],
    ]);
    // A later notice to the same channel, from another replica: failed too, nobody told again.
    await db.prisma.scheduledNotice.create({
      data: {
        key: 'later',
        kind: 'collect_opening',
        recipient: 'C0GONE',
        sendAt: FANOUT_NOW,
        payload: gone[0]!.payload ?? {},
      },
    });
    expect(await deliverDueNotices(deps({ workerId: 'worker-2' }), at(5))).toMatchObject({ failed: 1 });
    const told = sandbox.dmsTo(ADMIN);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('channel_not_found');
    expect(told[0]!.text).toContain('/invite @stat-bot');
    expect(sandbox.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0GONE')).toHaveLength(3); // one try each, no loop
  });

  it('DMs to one channel are paced to its limit instead of meeting it as 429s', async () => {
    sandbox.enforceRateLimits = true; // 20 per second per channel, no burst
    const recipients = await seedFanout(db, sandbox, 5);
    await db.prisma.scheduledNotice.updateMany({ data: { recipient: recipients[0]! } });
    // Paced at a quarter of the limit's rate: a loaded machine may delay one request and not the next.
    expect(
      await deliverDueNotices(deps({ pacer: createPacer({ perChannelMs: 200, globalMs: 0 }) }), FANOUT_NOW),
    ).toMatchObject({ sent: 5 });
    expect(sandbox.rateLimitStats.limited).toBe(0);
    // Unpaced, the same five meet the limit (the check above can fail). The limit is tightened to
    // one a minute so that even a machine slow enough to space the sends out meets it; a Retry-After
    // that long is beyond what the gateway waits, so nothing sleeps.
    sandbox.pacing.options = { perSecond: 1 / 60, burst: 1 };
    await seedFanout(db, sandbox, 5);
    await db.prisma.scheduledNotice.updateMany({ data: { recipient: recipients[1]! } });
    await deliverDueNotices(deps({ workerId: 'unpaced', clientOptions: { rejectRateLimitedCalls: true } }), FANOUT_NOW);
    expect(sandbox.rateLimitStats.limited).toBeGreaterThan(0);
  });

  it('shutting down mid-batch hands the unsent claims straight back, so another replica sends them at once', async () => {
    const recipients = await seedFanout(db, sandbox, 6);
    const stop = new AbortController();
    let waits = 0;
    const stopAfterTwo: Pacer = {
      ...noPacing,
      async wait() {
        if (++waits === 2) stop.abort();
      },
    };
    expect(
      await deliverDueNotices(deps({ workerId: 'stopping', pacer: stopAfterTwo, signal: stop.signal }), FANOUT_NOW),
    ).toMatchObject({ sent: 2, deferred: 4 });
    const back = await db.prisma.scheduledNotice.findMany({ where: { status: 'pending' } });
    expect(back.map((n) => n.claimedBy)).toEqual([null, null, null, null]);
    // Well inside the stopped worker's lease, another takes them.
    expect(await deliverDueNotices(deps({ workerId: 'other' }), FANOUT_NOW)).toMatchObject({ sent: 4 });
    expect(await tallyFanout(db, sandbox, recipients)).toMatchObject({ delivered: 6, duplicates: 0, badRows: 0 });
  });

  it('one broken notice is set aside; the others still go out', async () => {
    const recipients = await seedFanout(db, sandbox, 3);
    // Well-formed, but the database refuses the id (beyond a 32-bit integer): preparing it throws.
    const first = await row(recipients[0]!);
    await db.prisma.scheduledNotice.update({
      where: { id: first.id },
      data: { payload: { ...(first.payload as object), departmentId: 2 ** 31 } },
    });
    expect(await deliverDueNotices(deps(), FANOUT_NOW)).toMatchObject({ sent: 2, deferred: 1 });
    const broken = await row(recipients[0]!);
    expect(broken.status).toBe('pending');
    expect(broken.lastError).toMatch(/^prepare_failed/);
  });
});
