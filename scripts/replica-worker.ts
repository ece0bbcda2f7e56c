// One bot replica's scheduled delivery, as its own process, for the replica tests and the fan-out
// benchmark (test/helpers/replica-process.ts starts it). It opens its own PrismaClient on the
// shared PostgreSQL database and its own WebClient on the Slack sandbox, then runs the real
// deliverDueNotices until nothing is left to send — including rows another replica claimed and
// abandoned, once their lease has run out.
//
// Protocol: JSON lines on stdout ({type:'ready'|'run'|'holding'|'done'}); the parent writes "start"
// on stdin to begin (so replicas start together) and "go" to let a held send proceed.
// REPLICA_HOLD_AT=N stops before the (N+1)-th send, after N sends are recorded: a SIGKILL there
// leaves this replica's remaining claims orphaned, outside the sent-but-unrecorded window.
import { createInterface } from 'node:readline';
import { WebClient } from '@slack/web-api';
import { openDatabase } from '../src/infra/db/client.js';
import { createLogger } from '../src/infra/logger.js';
import { createPacer, type Pacer } from '../src/infra/slack/pacer.js';
import { createDeliveryDeps } from '../src/scheduler/jobs/run-due-jobs.js';
import { deliverDueNotices } from '../src/services/notices/deliver-notices.js';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`replica-worker: ${name} is required`);
  return value;
};
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const lines = createInterface({ input: process.stdin });
const waiting: (() => void)[] = [];
lines.on('line', () => waiting.shift()?.());
const nextLine = () => new Promise<void>((resolve) => waiting.push(resolve));

/** The shared logical clock: every replica maps the same real instant to the same `now`. */
const base = new Date(env('REPLICA_NOW')).getTime();
const epoch = Number(env('REPLICA_EPOCH_MS'));
const now = () => new Date(base + (Date.now() - epoch));

function holdingPacer(inner: Pacer, holdAt: number | null): Pacer {
  let sends = 0;
  return {
    pause: (ms) => inner.pause(ms),
    async wait(channel) {
      await inner.wait(channel);
      if (sends++ === holdAt) {
        emit({ type: 'holding', sent: holdAt });
        await nextLine();
      }
    },
  };
}

async function main(): Promise<void> {
  const db = await openDatabase({ databaseUrl: env('REPLICA_DATABASE_URL'), migrate: false, connectTimeoutMs: 5_000 });
  const client = new WebClient('xoxb-replica', {
    slackApiUrl: env('REPLICA_SLACK_API_URL'),
    retryConfig: { retries: 0 },
  });
  const holdAt = process.env.REPLICA_HOLD_AT ? Number(process.env.REPLICA_HOLD_AT) : null;
  const pacer = holdingPacer(
    createPacer({ perChannelMs: 1000, globalMs: Number(env('REPLICA_PACE_MS', '0')) }),
    holdAt,
  );
  const deps = createDeliveryDeps({
    prisma: db.prisma,
    client,
    pacer,
    workerId: env('REPLICA_WORKER_ID'),
    leaseMs: Number(env('REPLICA_LEASE_MS')),
    logger: createLogger({ format: 'json', level: 'warn', write: (line) => process.stderr.write(`${line}\n`) }),
  });
  await db.prisma.scheduledNotice.count(); // warm the client up, so replicas really start together
  emit({ type: 'ready' });
  await nextLine();
  let runs = 0;
  for (;;) {
    const report = await deliverDueNotices(deps, now());
    emit({ type: 'run', ...report });
    runs++;
    const open = await db.prisma.scheduledNotice.count({
      where: { status: { in: ['pending', 'claimed'] }, sendAt: { lte: now() } },
    });
    if (open === 0) break;
    await new Promise((r) => setTimeout(r, Number(env('REPLICA_POLL_MS', '100'))));
  }
  emit({ type: 'done', runs });
  lines.close();
  process.stdin.destroy(); // or the open pipe keeps the process alive
  await db.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`replica-worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
