// Issue 6: how fast Slack gets its ack under 50 concurrent signed requests — `/stat agenda`, the
// numbers-form view_submission (validated and saved before the ack) and the "Enter numbers" button —
// each against a bare Bolt app (same HTTPReceiver, listeners that only ack) measured in the same run,
// batch by batch in rotating order. The bot runs on PGlite and, when a server is available, on
// PostgreSQL; every app is its own process (RSS below). This process plays Slack: the sandbox and
// the signed-request driver.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createHttpDriver,
  type HttpDriver,
  SANDBOX_IDS,
  type SlackSandbox,
  type StateValues,
  startSlackSandbox,
} from '../local-stack/slack-sandbox/index.js';
import { planCollectionNotices } from '../src/services/notices/plan-collection.js';
import { buildCollectionReminder, OPEN_SUBMISSION_ACTION_ID } from '../src/views/collection-reminder.js';
import {
  metricBlockId,
  NOT_AVAILABLE_ACTION_ID,
  NOTE_ACTION_ID,
  SUBMISSION_CALLBACK_ID,
  VALUE_ACTION_ID,
} from '../src/views/submission-modal.js';
import { type BotDatabase, prepareBotDatabase } from './lib/bot-database.js';
import { type DatabaseTarget, findPostgres } from './lib/databases.js';
import { runBench } from './lib/harness.js';
import { loadHistory } from './lib/history.js';
import { type GeneratedDepartment, writeProgramFile } from './lib/program.js';
import { type Cell, fmtMb, fmtMs, fmtRatio, percentile } from './lib/report.js';
import { RUNS_COMPILED, type ServerProcess, startServerProcess } from './lib/server-process.js';

const SHAPE = { departments: 50, metricsPerDepartment: 4, liaisonsPerDepartment: 1, meetingDepartments: 3 };
const CONCURRENCY = 50;
const ROUNDS = 4;
const NOW = '2026-11-10T15:00:00Z';
const PERIOD = '2026-10';
const SLACK_ACK_MS = 3000;
const INTERACTIONS = ['agenda', 'submission', 'button'] as const;
type Interaction = (typeof INTERACTIONS)[number];
/** BENCH_ACK_ONLY=agenda,button: a shorter run of only those (A/B runs on a busy machine). */
const ONLY = process.env.BENCH_ACK_ONLY?.split(',');
const RUN = INTERACTIONS.filter((i) => !ONLY || ONLY.includes(i));
interface Target {
  dept: GeneratedDepartment;
  id: number;
  metricIds: number[];
  channelId: string;
  messageTs: string;
}

runBench(
  'ack-latency',
  'Ack latency at 50 concurrent signed requests, bot vs bare Bolt app (issue 6)',
  async (ctx) => {
    const program = await writeProgramFile(SHAPE);
    const sandbox = await startSlackSandbox();
    for (const id of [program.chair, ...program.departments.flatMap((d) => [d.head, ...d.liaisons])])
      sandbox.addUser({ id, name: id.toLowerCase() });
    const env = {
      BENCH_SLACK_API_URL: sandbox.apiUrl,
      BENCH_SIGNING_SECRET: sandbox.signingSecret,
      BENCH_NOW: NOW,
    };
    const postgres = await findPostgres();
    const servers: ServerProcess[] = [];
    const databases: BotDatabase[] = [];
    const startBot = async (target: DatabaseTarget, label: string) => {
      const db = await prepareBotDatabase(target, program.file, new Date(NOW), async (prisma) => {
        await loadHistory(prisma, { lastPeriod: '2026-09', months: 24, submittedAt: new Date(NOW) });
        // October has closed and the collection job has planned its reminders, as in production
        // before any liaison has a button to click: the period's obligations and ladder exist.
        await planCollectionNotices(prisma, new Date(NOW));
      });
      databases.push(db);
      servers.push(await startServerProcess('bot', label, { ...env, ...db.env }));
    };
    try {
      await startBot({ kind: 'pglite' }, 'bot (PGlite)');
      if (postgres) await startBot(postgres, 'bot (PostgreSQL)');
      servers.push(await startServerProcess('bare', 'bare Bolt app', env));
      const bare = servers.at(-1)!;
      const drivers = new Map(servers.map((s) => [s, createHttpDriver({ url: s.url, sandbox })] as const));
      const targets = seedTargets(sandbox, program.departments, servers[0]!.departments);
      await warmDriver(sandbox, targets);
      await sleep(2000);
      const idle = await Promise.all(servers.map((s) => s.memory(true)));

      const acks = new Map<string, number[]>(); // `${interaction}/${label}` → ms
      const inside = new Map<string, number[]>(); // the same, as each server timed it (headers read → ack written)
      await Promise.all(servers.map((s) => s.answers())); // nothing before the first batch counts
      const missed = new Map<string, number>(); // no ack in time: HTTPReceiver answers 404 after ~3 s
      let unsaved = 0;
      for (const interaction of RUN) {
        for (let round = 0; round < ROUNDS; round++) {
          for (const server of rotate(servers, round)) {
            const from = sandbox.calls.length + sandbox.responses().length;
            const results = await Promise.all(
              targets.map((t) => send(interaction, drivers.get(server)!, t, `${server.pid}R${round}`, round)),
            );
            const key = `${interaction}/${server.label}`;
            acks.set(key, [...(acks.get(key) ?? []), ...results.map((r) => r.ackMs)]);
            missed.set(
              key,
              (missed.get(key) ?? 0) + results.filter((r) => r.status !== 200 || r.ackMs > SLACK_ACK_MS).length,
            );
            if (interaction === 'submission' && server.kind === 'bot')
              unsaved += results.filter((r) => r.status === 200 && r.body !== undefined).length;
            if (server.kind === 'bot') await settle(sandbox, from + CONCURRENCY); // after-ack work must not spill into the next batch
            inside.set(key, [...(inside.get(key) ?? []), ...(await server.answers())]);
          }
        }
      }
      const peak = await Promise.all(servers.map((s) => s.memory()));

      const of = (times: Map<string, number[]>, i: Interaction, s: ServerProcess, q: number) =>
        percentile(times.get(`${i}/${s.label}`) ?? [], q);
      const p = (i: Interaction, s: ServerProcess, q: number) => of(acks, i, s, q);
      /** p50 and p99 of one app, then of the bare app. */
      const spread = (times: Map<string, number[]>, i: Interaction, s: ServerProcess): Cell[] =>
        [of(times, i, s, 50), of(times, i, s, 99), of(times, i, bare, 50), of(times, i, bare, 99)].map((ms) =>
          fmtMs(ms),
        );
      const rows: Cell[][] = RUN.flatMap((i) =>
        servers
          .filter((s) => s.kind === 'bot')
          .map((s) => [
            label(i),
            s.label,
            ...spread(acks, i, s),
            fmtRatio(p(i, s, 50) / p(i, bare, 50)),
            fmtRatio(p(i, s, 99) / p(i, bare, 99)),
            fmtMs(p(i, s, 100)),
            missed.get(`${i}/${s.label}`) ?? 0,
          ]),
      );
      ctx.table({
        title: `Ack latency (${CONCURRENCY} concurrent requests × ${ROUNDS} rounds per app; ratio = bot / bare, same batch sizes, same run)`,
        headers: [
          'interaction',
          'app',
          'p50',
          'p99',
          'bare p50',
          'bare p99',
          'p50 ratio',
          'p99 ratio',
          'max',
          `late or no ack (> ${SLACK_ACK_MS / 1000} s or 404)`,
        ],
        rows,
      });
      ctx.table({
        title: 'RSS of each server process',
        headers: [
          'process',
          'before load (2 s after start)',
          'peak while serving (sampled every 20 ms)',
          'lifetime high-water mark (VmHWM)',
        ],
        rows: servers.map((s, i) => [
          s.label,
          fmtMb(idle[i]!.rss),
          fmtMb(peak[i]!.peakSinceReset),
          fmtMb(peak[i]!.hwm),
        ]),
      });
      ctx.note(
        'Ack = the HTTP answer to a signed request as the driver sees it; every app runs with processBeforeResponse false, as in production. Each bot holds 50 departments × 4 metrics with 24 months of history.',
      );
      ctx.note(
        RUNS_COMPILED
          ? 'Each app runs compiled JavaScript from dist/ with plain Node, as `npm start` does (no TypeScript loader); each bot opens its database as `npm start` does (PGlite: a folder, in its own thread), already migrated.'
          : 'No dist/ build: each app ran through tsx (its loader is in every RSS figure). `npm run bench` builds first.',
      );
      const bots = servers.filter((s) => s.kind === 'bot');
      // Round 1 is the first traffic a fresh process sees: what a warm-up at start is for.
      const round = (i: Interaction, s: ServerProcess, r: number) =>
        percentile((acks.get(`${i}/${s.label}`) ?? []).slice(r * CONCURRENCY, (r + 1) * CONCURRENCY), 99);
      ctx.table({
        title: 'Ack p99 by round (round 1 = the first requests after start)',
        headers: ['interaction', 'app', ...Array.from({ length: ROUNDS }, (_, r) => `round ${r + 1}`)],
        rows: RUN.flatMap((i) =>
          [...bots, bare].map((s): Cell[] => [
            label(i),
            s.label,
            ...Array.from({ length: ROUNDS }, (_, r) => fmtMs(round(i, s, r))),
          ]),
        ),
      });
      ctx.note(
        `Start-up (startApp: the warm-up, then listen): ${bots
          .map(
            (s) =>
              `${s.label} ${fmtMs(s.start?.ms ?? NaN)}, RSS ${fmtMb(s.start?.rssBefore ?? NaN)} → ${fmtMb(s.start?.rssAfter ?? NaN)}`,
          )
          .join('; ')}.`,
      );
      const byDb = (f: (s: ServerProcess) => Cell) => bots.map(f);
      ctx.table({
        title: 'Side by side: the bot on each database against the bare Bolt app (same run)',
        headers: ['figure', 'bare Bolt app', ...bots.map((s) => s.label), 'target'],
        rows: [
          ...(['agenda', 'button'] as const).map((i): Cell[] => [
            `${label(i)} ack p99 (ratio to bare)`,
            fmtMs(p(i, bare, 99)),
            ...byDb((s) => `${fmtMs(p(i, s, 99))} (${fmtRatio(p(i, s, 99) / p(i, bare, 99))})`),
            '≤ 1.3×',
          ]),
          [
            'numbers form p99 (saved before the ack)',
            fmtMs(p('submission', bare, 99)),
            ...byDb((s) => fmtMs(p('submission', s, 99))),
            '≤ 1 s',
          ],
          [
            'RSS before load, 2 s after start (ratio to bare)',
            fmtMb(idle[servers.indexOf(bare)]!.rss),
            ...byDb((s) => {
              const rss = idle[servers.indexOf(s)]!.rss;
              return `${fmtMb(rss)} (${fmtRatio(rss / idle[servers.indexOf(bare)]!.rss)})`;
            }),
            '— (the idle targets: idle-memory bench)',
          ],
        ],
      });
      ctx.table({
        title:
          "Inside each server, for the requests that ack first: from the request's headers read to its ack written (the app's own share of an ack, without the driver's queueing)",
        headers: ['interaction', 'app', 'p50', 'p99', 'bare p50', 'bare p99', 'p99 ratio'],
        rows: RUN.filter((i) => i !== 'submission').flatMap((i) =>
          bots.map((s): Cell[] => [
            label(i),
            s.label,
            ...spread(inside, i, s),
            fmtRatio(of(inside, i, s, 99) / of(inside, i, bare, 99)),
          ]),
        ),
      });
      if (!postgres)
        ctx.note(
          'bot (PostgreSQL): skipped — set TEST_DATABASE_URL or start one with `bash scripts/ci-postgres.sh start`.',
        );
      const late = (v: { message: string }) =>
        /^ack took \d+ ms|answered HTTP 404 to a genuine request/.test(v.message);
      const other = sandbox.violations.filter((v) => !late(v));
      ctx.check(
        other.length === 0,
        `no sandbox violations other than late or missing acks (${other.length}; first: ${other[0] ? `${other[0].method}: ${other[0].message}` : 'none'})`,
      );
      ctx.check(unsaved === 0, `no acked bot submission came back with errors or a changed form (${unsaved})`);
      Object.assign(ctx.data, {
        acksMs: Object.fromEntries(acks),
        insideMs: Object.fromEntries(inside),
        memory: servers.map((s, i) => ({ label: s.label, idle: idle[i], peak: peak[i] })),
        start: Object.fromEntries(bots.map((s) => [s.label, s.start])),
        lateOrMissingAcks: Object.fromEntries(missed),
      });
    } finally {
      for (const s of servers) await s.stop();
      for (const db of databases) await db.remove();
      await sandbox.close();
      await program.remove();
    }
  },
  { timeoutMs: 9 * 60_000 }, // preparing two databases (initdb, history) takes minutes on a busy machine
);

/**
 * The driver's own first requests are slow (Node loads fetch's undici on first use; the signing
 * and request building run cold): they go to a stand-in that answers 200 at once, so they are not
 * counted against whichever app round 1 measures first (PGlite's bot, in the rotation). Each app
 * still meets new connections and its own cold code in round 1.
 */
async function warmDriver(sandbox: SlackSandbox, targets: Target[]): Promise<void> {
  const standIn = createServer((req, res) => req.resume().on('end', () => res.end()));
  await new Promise<void>((listening) => standIn.listen(0, '127.0.0.1', listening));
  try {
    const { port } = standIn.address() as AddressInfo;
    const driver = createHttpDriver({ url: `http://127.0.0.1:${port}/slack/events`, sandbox });
    for (const interaction of RUN)
      await Promise.all(targets.map((t) => send(interaction, driver, t, 'warm-driver', 0)));
  } finally {
    standIn.closeAllConnections();
    standIn.close();
  }
}

function label(i: Interaction): string {
  return { agenda: '`/stat agenda`', submission: 'numbers form submit', button: '"Enter numbers" button' }[i];
}

function rotate<T>(list: readonly T[], by: number): T[] {
  return list.map((_, i) => list[(i + by) % list.length]!);
}

/** One department per concurrent request: its liaison, its metrics, and a DM carrying the button. */
function seedTargets(
  sandbox: SlackSandbox,
  departments: GeneratedDepartment[],
  ids: { id: number; key: string; metricIds: number[] }[],
): Target[] {
  return departments.slice(0, CONCURRENCY).map((dept) => {
    const { id, metricIds } = ids.find((d) => d.key === dept.key)!;
    const liaison = dept.liaisons[0]!;
    const reminder = buildCollectionReminder({
      step: 'opening',
      departmentId: id,
      departmentName: dept.name,
      period: PERIOD,
      periodLabel: 'October 2026',
      dueDate: '2026-11-06',
      dueWhen: 'future',
      liaisonMessages: 0,
      lastLiaisonMessageLabel: null,
      nextPacket: null,
      businessDaysLate: 0,
      missingMetrics: 4,
      totalMetrics: 4,
    });
    const message = sandbox.addMessage({
      channel: sandbox.dmChannelId(liaison),
      text: reminder.text,
      user: SANDBOX_IDS.botUserId,
    });
    message.blocks = reminder.blocks;
    return { dept, id, metricIds, channelId: message.channel, messageTs: message.ts };
  });
}

function send(interaction: Interaction, driver: HttpDriver, t: Target, viewTag: string, round: number) {
  const userId = t.dept.liaisons[0]!;
  if (interaction === 'agenda') return driver.slashCommand({ command: '/stat', text: 'agenda', userId });
  if (interaction === 'button')
    return driver.blockAction({
      userId,
      actionId: OPEN_SUBMISSION_ACTION_ID,
      channelId: t.channelId,
      messageTs: t.messageTs,
    });
  // A fresh view id per request: the bot dedupes on view id + hash (Slack's retries).
  const view = {
    callback_id: SUBMISSION_CALLBACK_ID,
    private_metadata: JSON.stringify({ d: t.id, p: PERIOD, pg: 0, c: [] }),
    id: `V${viewTag}X${t.id}`,
  };
  return driver.viewSubmission({ userId, view, values: formState(t.metricIds, round) });
}

/** On-target values that change every round, so each save writes new revisions. */
function formState(metricIds: number[], round: number): StateValues {
  const values: StateValues = {};
  for (const id of metricIds) {
    values[metricBlockId(id, 'value')] = {
      [VALUE_ACTION_ID]: { type: 'number_input', value: (60.1 + (round % 5) / 10).toFixed(1) },
    };
    values[metricBlockId(id, 'note')] = { [NOTE_ACTION_ID]: { type: 'plain_text_input', value: null } };
    values[metricBlockId(id, 'not_available')] = {
      [NOT_AVAILABLE_ACTION_ID]: { type: 'checkboxes', selected_options: [] },
    };
  }
  return values;
}

/** Waits until the bot's after-ack work has reached Slack (`expected` calls + responses), then for quiet. */
async function settle(sandbox: SlackSandbox, expected: number): Promise<void> {
  const activity = () => sandbox.calls.length + sandbox.responses().length;
  const deadline = Date.now() + 60_000;
  while (activity() < expected && Date.now() < deadline) await sleep(50);
  for (let last = -1; last !== activity() && Date.now() < deadline; ) {
    last = activity();
    await sleep(300);
  }
}
