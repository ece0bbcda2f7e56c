// Issues 6 and 11: one fan-out delivered by two bot replicas — separate processes on one PostgreSQL
// database — with one of them SIGKILLed part-way: sent, duplicates, lost. Three ways: no fault;
// a kill while the replica holds claimed rows between two sends; kills at random moments. A kill
// that lands between Slack accepting a DM and the row being marked sent used to duplicate that DM;
// now the survivor finds it in the DM's history by the key in its metadata and marks it sent.
// Then the window itself, timed on the real delivery path. Without TEST_DATABASE_URL (or the
// server of scripts/ci-postgres.sh) it starts a throwaway PostgreSQL of its own, and stops it.
import { execFile, execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { WebClient } from '@slack/web-api';
import { FANOUT_NOW, type FanoutTally, seedFanout, tallyFanout } from '../local-stack/fanout-fixture.js';
import { type Replica, type ReplicaOptions, startReplica } from '../local-stack/replica-process.js';
import { type SlackSandbox, startSlackSandbox } from '../local-stack/slack-sandbox/index.js';
import type { TestDatabase } from '../local-stack/test-db.js';
import { silentLogger } from '../src/infra/logger.js';
import { noPacing } from '../src/infra/slack/pacer.js';
import { createDeliveryDeps } from '../src/scheduler/jobs/run-due-jobs.js';
import { deliverDueNotices } from '../src/services/notices/deliver-notices.js';
import { findPostgres, openBenchDatabase, type PostgresTarget } from './lib/databases.js';
import { type BenchContext, runBench } from './lib/harness.js';
import { type Cell, fmtMs, percentile } from './lib/report.js';

const NOTICES = 120;
const LEASE_MS = 2000;
/** Each replica's minimum gap between DMs, so the fan-out lasts long enough to be interrupted. */
const PACE_MS = 4;
const RANDOM_KILLS = Number(process.env.BENCH_RANDOM_KILLS ?? 22);

interface Outcome {
  label: string;
  tally: FanoutTally;
  ms: number;
  split: string;
  /** Rows the survivor looked for in Slack before sending (an earlier attempt never recorded). */
  checks: number;
  /** Of those, found: the killed replica's DM had reached Slack — a kill inside the window. */
  found: number;
  /** The kill struck while the replica was still sending. */
  midway: boolean;
}

runBench(
  'replicas-fanout',
  `Fan-out of ${NOTICES} DMs by two replicas with a SIGKILL mid-way (issue 6)`,
  async (ctx) => {
    const own = (await findPostgres()) ? null : await startThrowawayPostgres();
    const postgres = own?.target ?? (await findPostgres())!;
    const db = await openBenchDatabase(postgres);
    try {
      const outcomes: Outcome[] = [await scenario(db, 'two replicas, no fault', async () => undefined)];
      outcomes.push(
        await scenario(
          db,
          'A killed while holding claimed rows (between two sends)',
          async (a) => {
            await a.next('holding');
            await a.kill();
            return true;
          },
          { holdAt: NOTICES / 6 },
        ),
      );
      for (let i = 1; i <= RANDOM_KILLS; i++) {
        // Once both are sending, a random DM of the middle of the fan-out, then a random part of one
        // send: a moment in time, not "right after Slack answered" (which would aim at the window).
        const afterDm = 10 + Math.floor(Math.random() * (NOTICES * 0.6));
        const afterMs = Math.round(20 * Math.random());
        outcomes.push(
          await scenario(
            db,
            `A killed at a random moment (#${i}: ${afterMs} ms after DM ${afterDm})`,
            async (a, sandbox) => {
              await sandbox.waitForCall('chat.postMessage', { count: afterDm, timeoutMs: 60_000 });
              await sleep(afterMs);
              const sending = !a.events.some((e) => e.type === 'done');
              await a.kill();
              return sending;
            },
          ),
        );
      }
      report(ctx, outcomes);
      await measureWindow(ctx, db);
      ctx.note(
        `PostgreSQL from ${postgres.source}; lease ${LEASE_MS} ms (production: 5 min); each replica paced to one DM per ${PACE_MS} ms; the local Slack sandbox answers on loopback.`,
      );
    } finally {
      await db.close();
      await own?.stop();
    }
  },
  { timeoutMs: 9 * 60_000 },
);

/** Seeds a fresh fan-out, starts replicas A and B together, lets `fault` act on A, waits for B. */
async function scenario(
  db: TestDatabase,
  label: string,
  /** True when the fault struck a replica still sending (a random kill may come too late). */
  fault: (a: Replica, sandbox: SlackSandbox) => Promise<boolean | undefined>,
  aOptions: Partial<ReplicaOptions> = {},
): Promise<Outcome> {
  const sandbox = await startSlackSandbox();
  const replicas: Replica[] = [];
  try {
    const recipients = await seedFanout(db, sandbox, NOTICES);
    const shared = {
      databaseUrl: db.url!,
      slackApiUrl: sandbox.apiUrl,
      leaseMs: LEASE_MS,
      now: FANOUT_NOW,
      epochMs: Date.now(),
      paceMs: PACE_MS,
    };
    const a = startReplica({ ...shared, workerId: 'replica-a', ...aOptions });
    const b = startReplica({ ...shared, workerId: 'replica-b' });
    replicas.push(a, b);
    await Promise.all([a.ready, b.ready]);
    const started = performance.now();
    a.start();
    b.start();
    const midway = await fault(a, sandbox);
    await Promise.all([b.next('done', 60_000), a.exited]);
    const ms = performance.now() - started;
    console.error(`  ${label}: ${Math.round(ms)} ms`);
    await sleep(100); // a DM still in flight when A died reaches the sandbox's log
    const sentBy = async (id: string) => db.prisma.scheduledNotice.count({ where: { claimedBy: id, status: 'sent' } });
    const checks = sandbox.callsTo('conversations.history').filter((c) => c.ok);
    // Found when the one DM that conversation holds was in Slack before the survivor looked.
    const found = checks.filter((c) => {
      const dms = sandbox.messagesIn(String(c.args.channel));
      return dms.length === 1 && Number(dms[0]!.ts) * 1000 <= c.at;
    }).length;
    return {
      label,
      tally: await tallyFanout(db, sandbox, recipients),
      ms,
      split: `${await sentBy('replica-a')} / ${await sentBy('replica-b')}`,
      checks: checks.length,
      found,
      midway: midway !== false,
    };
  } finally {
    await Promise.all(replicas.map((r) => r.kill()));
    await sandbox.close();
  }
}

function report(ctx: BenchContext, outcomes: Outcome[]): void {
  const rows: Cell[][] = outcomes.map((o) => [
    o.label,
    o.tally.notices,
    o.tally.delivered,
    o.tally.duplicates,
    o.tally.lost,
    o.tally.notices - o.tally.badRows,
    o.split,
    o.checks,
    o.found,
    fmtMs(o.ms),
  ]);
  ctx.table({
    title: `Two replicas, ${NOTICES} due DMs each run`,
    headers: [
      'run',
      'notices',
      'sent (recipients reached)',
      'duplicates',
      'lost',
      'rows marked sent with the right ts',
      'rows sent by A / B',
      'looked for in Slack',
      'found there (kill inside the window)',
      'time to all sent',
    ],
    rows,
  });
  const random = outcomes.filter((o) => o.label.includes('random'));
  const sum = (f: (o: Outcome) => number) => random.reduce((n, o) => n + f(o), 0);
  const midway = random.filter((o) => o.midway).length;
  ctx.table({
    title: `${random.length} random SIGKILLs in all`,
    headers: [
      'kills',
      'of them mid-fan-out',
      'duplicates',
      'lost',
      'looked for in Slack',
      'found there (kill inside the window)',
    ],
    rows: [
      [
        random.length,
        midway,
        sum((o) => o.tally.duplicates),
        sum((o) => o.tally.lost),
        sum((o) => o.checks),
        sum((o) => o.found),
      ],
    ],
  });
  ctx.note(
    'Each row the killed replica had begun to send (attemptedAt set) is looked for in its DM by the notice key in the message metadata before the survivor sends it; "found" is a kill that landed after Slack stored the DM and before the row was marked sent — before this check, a duplicate.',
  );
  ctx.check(midway >= 20, `${midway} random kills struck a replica still sending (at least 20)`);
  for (const o of outcomes) {
    ctx.check(o.tally.lost === 0, `${o.label}: nothing lost`);
    ctx.check(o.tally.badRows === 0, `${o.label}: every row marked sent, pointing at a DM Slack has`);
    ctx.check(o.tally.duplicates === 0, `${o.label}: no duplicates`);
  }
  ctx.data.outcomes = outcomes;
}

/**
 * The window, measured on the real delivery path in this process: from the moment the bot has
 * Slack's answer (the message exists) to the moment the row is marked sent (the UPDATE returned).
 */
async function measureWindow(ctx: BenchContext, db: TestDatabase): Promise<void> {
  const sandbox = await startSlackSandbox();
  try {
    await seedFanout(db, sandbox, 200);
    const windows: number[] = [];
    let answeredAt = 0;
    const client = new WebClient('xoxb-bench', { slackApiUrl: sandbox.apiUrl, retryConfig: { retries: 0 } });
    const post = client.chat.postMessage;
    client.chat.postMessage = async (args: Parameters<typeof post>[0]) => {
      const res = await post(args);
      answeredAt = performance.now();
      return res;
    };
    // Times the UPDATE that marks a row sent; every other call passes straight through.
    const prisma = new Proxy(db.prisma, {
      get(target, prop, receiver) {
        if (prop !== 'scheduledNotice') return Reflect.get(target, prop, receiver);
        return new Proxy(target.scheduledNotice, {
          get(notices, method, r) {
            if (method !== 'updateMany') return Reflect.get(notices, method, r);
            return async (args: Parameters<typeof notices.updateMany>[0]) => {
              const result = await notices.updateMany(args);
              if (args.data.status === 'sent') windows.push(performance.now() - answeredAt);
              return result;
            };
          },
        });
      },
    });
    const report = await deliverDueNotices(
      createDeliveryDeps({ prisma, client, logger: silentLogger, pacer: noPacing, workerId: 'window' }),
      FANOUT_NOW,
    );
    ctx.table({
      title: `The window: Slack has the DM, the row is not yet marked sent (${report.sent} DMs, this PostgreSQL)`,
      headers: ['part', 'p50', 'p99', 'max'],
      rows: [
        [
          "bot side: Slack's answer in hand → row marked sent",
          fmtMs(percentile(windows, 50)),
          fmtMs(percentile(windows, 99)),
          fmtMs(percentile(windows, 100)),
        ],
        ['Slack side: Slack stores the DM → its answer reaches the bot', 'one-way network latency', '', ''],
      ],
    });
    ctx.data.windowMs = windows;
  } finally {
    await sandbox.close();
  }
}

/**
 * A throwaway PostgreSQL for this run (scripts/ci-postgres.sh on a free port and its own data
 * folder, so no other server is disturbed), stopped and removed afterwards.
 */
async function startThrowawayPostgres(): Promise<{ target: PostgresTarget; stop(): Promise<void> }> {
  const port = await freePort();
  const env = { ...process.env, CI_PG_PORT: String(port), CI_PG_DATA: `/tmp/stat-bot-bench-pg-${process.pid}` };
  const run = (cmd: string) => promisify(execFile)('bash', ['scripts/ci-postgres.sh', cmd], { env, timeout: 180_000 });
  const { stdout } = await run('start');
  const url = stdout.trim().split('\n').pop()!.trim();
  // The harness exits on its own time-out: do not leave the server behind.
  const stopNow = () => {
    try {
      execFileSync('bash', ['scripts/ci-postgres.sh', 'stop'], { env, stdio: 'ignore', timeout: 30_000 });
      rmSync(env.CI_PG_DATA, { recursive: true, force: true });
      rmSync(`${env.CI_PG_DATA}.log`, { force: true });
    } catch {
      // best effort
    }
  };
  process.once('exit', stopNow);
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      stopNow();
      process.exit(signal === 'SIGTERM' ? 143 : 130);
    });
  return {
    target: { kind: 'postgres', url, source: `a throwaway server on port ${port} (scripts/ci-postgres.sh)` },
    async stop() {
      process.off('exit', stopNow);
      process.removeAllListeners('SIGTERM').removeAllListeners('SIGINT');
      await run('stop').catch(() => undefined);
      await rm(env.CI_PG_DATA, { recursive: true, force: true });
      await rm(`${env.CI_PG_DATA}.log`, { force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
