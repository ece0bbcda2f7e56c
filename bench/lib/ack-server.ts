// A child process for bench/ack-latency.ts: either the real bot (createApp on HTTPReceiver, the
// generated program on PGlite or PostgreSQL) or a bare Bolt app whose listeners only ack. Each runs
// in its own process so its RSS is its own; the bare app never loads the bot's modules.
// Talks to the parent over IPC: 'ready' with its port, 'memory' and 'answers' on request, 'stop'.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { OPEN_SUBMISSION_ACTION_ID } from '../../src/views/collection-reminder.js';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';

export type ServerKind = 'bot' | 'bare';
export interface ReadyMessage {
  type: 'ready';
  port: number;
  departments: { id: number; key: string; metricIds: number[] }[];
  /** The bot: how long startApp took (the warm-up, then listen) and the RSS before and after it. */
  start?: { ms: number; rssBefore: number; rssAfter: number };
}
export interface MemoryMessage {
  type: 'memory';
  rss: number;
  peakSinceReset: number;
  hwm: number;
}
/** Each request's time inside the server since the last 'answers' message: read → answer written. */
export interface AnswersMessage {
  type: 'answers';
  ms: number[];
}
export type ParentMessage = { type: 'memory'; reset: boolean } | { type: 'answers' } | { type: 'stop' };

const kind = process.env.BENCH_SERVER as ServerKind;
const apiUrl = process.env.BENCH_SLACK_API_URL!;
const signingSecret = process.env.BENCH_SIGNING_SECRET!;
const now = new Date(process.env.BENCH_NOW!);

/** Peak RSS sampled every 20 ms (between resets), and the kernel's lifetime high-water mark. */
let peak = 0;
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 20).unref();
function highWaterMark(): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : NaN;
}

/**
 * The bot as `npm start` runs it (compiled JavaScript, openDatabase on a PGlite folder or a
 * PostgreSQL URL, already migrated and filled by the parent: see prepareBotDatabase), minus the
 * scheduler and with the bench's clock; it starts through startApp (the warm-up, then listen).
 */
async function startBot() {
  const { createApp } = await import('../../src/app/create-app.js');
  const { startApp } = await import('../../src/app/start-app.js');
  const { silentLogger } = await import('../../src/infra/logger.js');
  const { openDatabase } = await import('../../src/infra/db/client.js');
  const url = process.env.BENCH_DATABASE_URL;
  const db = await openDatabase(url ? { databaseUrl: url } : { dataDir: process.env.BENCH_DATA_DIR! });
  const deps = {
    prisma: db.prisma,
    clock: { now: () => new Date(now) },
    logger: silentLogger,
    charts: { renderer: 'local' as const },
  };
  // processBeforeResponse false, as in production: the HTTP answer goes out when the listener acks.
  const app = createApp({ botToken: 'xoxb-sandbox', mode: 'http', port: 0, apiUrl, signingSecret }, deps, {
    processBeforeResponse: false,
  });
  // The production start path (warm-up, then listen), as src/main.ts runs it.
  const rssBefore = process.memoryUsage.rss();
  const t0 = performance.now();
  const server = (await startApp(app, deps, { port: 0, host: '127.0.0.1' })) as Server; // loopback only
  const start = { ms: performance.now() - t0, rssBefore, rssAfter: process.memoryUsage.rss() };
  const departments = await db.prisma.department.findMany({
    orderBy: { id: 'asc' },
    include: { metrics: { orderBy: { id: 'asc' } } },
  });
  const close = async () => {
    await app.stop();
    await db.close();
  };
  return {
    server,
    departments: departments.map((d) => ({ id: d.id, key: d.key, metricIds: d.metrics.map((m) => m.id) })),
    start,
    close,
  };
}

async function startBare() {
  const receiver = new HTTPReceiver({ signingSecret, endpoints: '/slack/events', processBeforeResponse: false });
  const app = new App({
    token: 'xoxb-sandbox',
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command('/stat', async ({ ack }) => ack());
  app.view(SUBMISSION_CALLBACK_ID, async ({ ack }) => ack());
  app.action(OPEN_SUBMISSION_ACTION_ID, async ({ ack }) => ack());
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server; // loopback only
  return { server, departments: [], start: undefined, close: () => app.stop() };
}

const started = await (kind === 'bot' ? startBot() : startBare());
let stopping = false;
// Closing drops a PostgreSQL bench database too; a second signal must not close twice.
const stop = () => {
  if (stopping) return;
  stopping = true;
  void started.close().finally(() => process.exit(0));
};
// From the moment the server has read a request's headers to the moment its answer is handed to the
// OS: the app's own share of an ack, without the driver's queueing or the network in it.
let answeredMs: number[] = [];
started.server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
  const read = performance.now();
  res.once('finish', () => answeredMs.push(performance.now() - read));
});
process.on('message', (msg: ParentMessage) => {
  if (msg.type === 'stop') return stop();
  if (msg.type === 'answers') {
    process.send!({ type: 'answers', ms: answeredMs } satisfies AnswersMessage);
    answeredMs = [];
    return;
  }
  process.send!({
    type: 'memory',
    rss: process.memoryUsage.rss(),
    peakSinceReset: peak,
    hwm: highWaterMark(),
  } satisfies MemoryMessage);
  if (msg.reset) peak = 0;
});
process.on('disconnect', stop); // the parent is gone
process.send!({
  type: 'ready',
  port: (started.server.address() as AddressInfo).port,
  departments: started.departments,
  start: started.start,
} satisfies ReadyMessage);
