// Issue 3: the opening notice fanned out to 1,000 liaisons in 100 departments, through the local
// Slack sandbox with its per-channel pacing model on and a few injected 429s (Retry-After 1 s).
// Measures total time against the rate-limit minimum for the pacer settings, and checks that no
// liaison got the notice twice and none went without it.

import { startLocalStack } from '../local-stack/local-stack.js';
import type { SlackSandbox } from '../local-stack/slack-sandbox/index.js';
import { createTestDatabase } from '../local-stack/test-db.js';
import { type Logger, silentLogger } from '../src/infra/logger.js';
import { createPacer, SLACK_PACING } from '../src/infra/slack/pacer.js';
import { runDueJobs } from '../src/scheduler/jobs/run-due-jobs.js';
import { noCharts } from '../src/services/roundtable/packet-charts.js';
import { runBench } from './lib/harness.js';
import { writeProgramFile } from './lib/program.js';
import { fmtMs, fmtRatio } from './lib/report.js';

const SHAPE = { departments: 100, liaisonsPerDepartment: 10, metricsPerDepartment: 3 };
/** The production pacer (README, "Pacing"): 1 message/s per channel, 50 ms apart across the workspace. */
const PACER = SLACK_PACING;
const RETRY_AFTER_S = 1;
/** After this many chat.postMessage calls, the next `times` calls get a 429. */
const INJECTED_429S = [
  { after: 100, times: 1 },
  { after: 300, times: 1 },
  { after: 500, times: 2 },
  { after: 700, times: 1 },
  { after: 900, times: 1 },
];
const NOW = '2026-11-02T15:30:00Z'; // Monday 10:30 in New York: October's opening notices are due.

runBench('collection-fanout', 'Collection fan-out: the opening notice to 1,000 liaisons (issue 3)', async (ctx) => {
  const program = await writeProgramFile(SHAPE);
  const db = await createTestDatabase();
  const stack = await startLocalStack({ db, now: NOW, programFile: program.file });
  const problems: string[] = [];
  const logger: Logger = {
    ...silentLogger,
    warn: (m) => void problems.push(m),
    error: (m) => void problems.push(m),
    child: () => logger,
  };
  try {
    stack.sandbox.enforceRateLimits = true;
    injectRateLimits(stack.sandbox);
    const startedAt = Date.now();
    const started = performance.now();
    const report = await runDueJobs(stack.clock.now(), {
      prisma: db.prisma,
      client: stack.app.client,
      logger,
      pacer: createPacer(PACER),
      workerId: 'bench',
      charts: noCharts,
    });
    const totalMs = performance.now() - started;

    const posts = stack.sandbox.callsTo('chat.postMessage');
    const delivered = posts.filter((c) => c.ok);
    const injected = posts.filter((c) => c.status === 429).length;
    const perRecipient = new Map<string, number>();
    for (const c of delivered)
      perRecipient.set(String(c.args.channel), (perRecipient.get(String(c.args.channel)) ?? 0) + 1);
    const liaisons = program.departments.flatMap((d) => d.liaisons);
    const duplicates = [...perRecipient.values()].filter((n) => n > 1).length;
    const losses = liaisons.filter((id) => stack.sandbox.dmsTo(id).length !== 1).length;
    const rows = await db.prisma.scheduledNotice.groupBy({
      by: ['status'],
      where: { kind: 'collect_opening' },
      _count: true,
    });
    const rowsNotSent = rows.filter((r) => r.status !== 'sent').reduce((n, r) => n + r._count, 0);
    const rowsSent = rows.find((r) => r.status === 'sent')?._count ?? 0;

    const firstSend = Math.min(...delivered.map((c) => c.at)) - startedAt;
    const sendPhaseMs = Math.max(...delivered.map((c) => c.at)) - startedAt - firstSend;
    const pacingFloorMs = (delivered.length - 1) * PACER.globalMs;
    // The gateway waits exactly Retry-After and pauses the pacer for it (no client backoff on top).
    const minimumMs = pacingFloorMs + injected * RETRY_AFTER_S * 1000;

    ctx.table({
      title: 'Delivery',
      headers: [
        'liaisons',
        'departments',
        'DMs delivered',
        '429s injected',
        '429s from the per-channel model',
        'duplicates',
        'losses',
        'rows not `sent`',
        'logged problems',
      ],
      rows: [
        [
          liaisons.length,
          SHAPE.departments,
          delivered.length,
          injected,
          stack.sandbox.rateLimitStats.limited,
          duplicates,
          losses,
          rowsNotSent,
          problems.length,
        ],
      ],
    });
    ctx.table({
      title: `Time (pacer: perChannelMs ${PACER.perChannelMs}, globalMs ${PACER.globalMs}, burst ${PACER.burst}; 429s with Retry-After ${RETRY_AFTER_S} s)`,
      headers: ['measure', 'time', 'ratio to minimum'],
      rows: [
        ['runDueJobs total (plan + send)', fmtMs(totalMs), fmtRatio(totalMs / minimumMs)],
        ['  of which planning, before the first DM', fmtMs(firstSend), ''],
        ['  first DM → last DM', fmtMs(sendPhaseMs), fmtRatio(sendPhaseMs / minimumMs)],
        [
          `minimum: (${delivered.length} − 1) × ${PACER.globalMs} ms + ${injected} × ${RETRY_AFTER_S} s`,
          fmtMs(minimumMs),
          '1.00×',
        ],
        ['pacing floor alone, (N − 1) × globalMs', fmtMs(pacingFloorMs), fmtRatio(totalMs / pacingFloorMs)],
      ],
    });
    ctx.note(
      "Minimum assumed: every DM is its own channel, so perChannelMs never binds and the pacer's global gap sets the floor; deliverDueNotices sends one notice at a time, so each 429 adds at least its Retry-After to that sequential path (the gateway pauses the pacer for it and does not make it up afterwards). The pacer's burst lets it make up to burst − 1 slots lost to other stalls, so a run can come in a little under this minimum.",
    );
    ctx.note(`Job report: ${JSON.stringify(report)}. Database: ${db.location}.`);
    ctx.check(duplicates === 0, 'no liaison received the opening notice twice');
    ctx.check(losses === 0, 'every liaison received exactly one opening notice');
    ctx.check(
      rowsNotSent === 0 && rowsSent === liaisons.length,
      `all ${liaisons.length} collect_opening rows are sent (sent: ${rowsSent})`,
    );
    ctx.check(stack.sandbox.violations.length === 0, 'the sandbox recorded no violations');
    Object.assign(ctx.data, {
      shape: SHAPE,
      pacer: PACER,
      retryAfterS: RETRY_AFTER_S,
      injected429s: INJECTED_429S,
      totalMs,
      planningMs: firstSend,
      sendPhaseMs,
      pacingFloorMs,
      minimumMs,
      delivered: delivered.length,
      injected,
      duplicates,
      losses,
      rows,
      report,
      problems,
    });
  } finally {
    await stack.close();
    await db.close();
    await program.remove();
  }
});

/** Arms each injected 429 once the bot has made that many chat.postMessage calls. */
function injectRateLimits(sandbox: SlackSandbox): void {
  for (const { after, times } of INJECTED_429S) {
    sandbox
      .waitForCall('chat.postMessage', { count: after, timeoutMs: 4 * 60_000 })
      .then(() => sandbox.failNext('chat.postMessage', { rateLimited: RETRY_AFTER_S }, times))
      .catch(() => undefined); // the run ended first
  }
}
