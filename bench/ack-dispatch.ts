// Issue 11: the work a request costs before its ack, in one process, without HTTP or other
// processes in the way — the bot's Bolt app (createApp: its middleware and every listener) against
// a bare Bolt app whose three listeners only ack. 50 requests are handed to App.processEvent at
// once, as a burst read from the network would be, and the time to the 50th ack is taken; bursts
// alternate between the apps. In a burst each ack waits for the work of the requests before it,
// so this ratio is what the ack bench's p99 ratio tends to once other processes are quiet.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { createTestDatabase } from '../local-stack/test-db.js';
import { createApp } from '../src/app/create-app.js';
import { silentLogger } from '../src/infra/logger.js';
import { OPEN_SUBMISSION_ACTION_ID } from '../src/views/collection-reminder.js';
import { SUBMISSION_CALLBACK_ID } from '../src/views/submission-modal.js';
import { runBench } from './lib/harness.js';
import { type Cell, fmtMs, fmtRatio, median } from './lib/report.js';

const BURST = 50;
const ROUNDS = 40;
const WARM_ROUNDS = 10; // not counted: both apps' code paths compiled first
const TARGET = 1.3;

runBench('ack-dispatch', 'Work before the ack, in one process: bot vs bare Bolt app (issue 11)', async (ctx) => {
  // Stands in for Slack's Web API and response_urls: every call answers ok.
  const slack = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'B1', team_id: 'T1' }));
    });
  });
  await new Promise<void>((listening) => slack.listen(0, '127.0.0.1', listening));
  const base = `http://127.0.0.1:${(slack.address() as AddressInfo).port}`;
  const db = await createTestDatabase();
  try {
    const deps = {
      prisma: db.prisma,
      clock: { now: () => new Date() },
      logger: silentLogger,
      charts: { renderer: 'local' as const },
    };
    const bot = createApp(
      { botToken: 'xoxb-bench', mode: 'http', port: 0, apiUrl: `${base}/api/`, signingSecret: 's' },
      deps,
    );
    // As bench/lib/ack-server.ts builds it for the ack bench.
    const bare = new App({
      token: 'xoxb-bench',
      receiver: new HTTPReceiver({ signingSecret: 's', processBeforeResponse: false }),
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: `${base}/api/` },
    });
    bare.command('/stat', async ({ ack }) => ack());
    bare.view(SUBMISSION_CALLBACK_ID, async ({ ack }) => ack());
    bare.action(OPEN_SUBMISSION_ACTION_ID, async ({ ack }) => ack());

    const kinds = {
      '`/stat agenda`': () => slashCommand(base),
      '"Enter numbers" button': () => buttonClick(base),
    };
    const rows: Cell[][] = [];
    for (const [label, body] of Object.entries(kinds)) {
      const times = { bot: [] as number[], bare: [] as number[] };
      for (let round = 0; round < WARM_ROUNDS + ROUNDS; round++) {
        const order = round % 2 ? (['bot', 'bare'] as const) : (['bare', 'bot'] as const);
        for (const which of order) {
          const ms = await burst(which === 'bot' ? bot : bare, body);
          if (round >= WARM_ROUNDS) times[which].push(ms);
          await sleep(100); // the bot's after-ack work (answered by the stub) ends between bursts
        }
      }
      const ratio = median(times.bot) / median(times.bare);
      rows.push([
        label,
        fmtMs(median(times.bot)),
        fmtMs(median(times.bare)),
        fmtRatio(ratio),
        `≤ ${TARGET}×: ${ratio <= TARGET ? 'met' : 'not met'}`,
      ]);
    }
    ctx.table({
      title: `Time to the ${BURST}th ack of a burst of ${BURST} (median of ${ROUNDS} bursts per app, alternating)`,
      headers: ['request', 'bot', 'bare Bolt app', 'ratio', 'target'],
      rows,
    });
    ctx.note(
      'The bot is createApp as the bot runs it (request wrapper, retry filter, routes), on an empty database; its after-ack work waits until the burst is acked, so it is not in these figures. Load-independent in the sense that both apps share the one process and alternate.',
    );
  } finally {
    await db.close();
    slack.closeAllConnections();
    slack.close();
  }
});

/** The time from handing `n` requests to the app to its last ack. */
async function burst(app: App, body: () => object, n = BURST): Promise<number> {
  const started = performance.now();
  let last = started;
  await new Promise<void>((done) => {
    let left = n;
    for (let i = 0; i < n; i++)
      void app.processEvent({
        body: body(),
        ack: async () => {
          last = performance.now();
          if (--left === 0) done();
        },
      });
  });
  return last - started;
}

function slashCommand(base: string) {
  return {
    token: 't',
    team_id: 'T1',
    team_domain: 'city',
    channel_id: 'C1',
    channel_name: 'stat',
    user_id: 'U1',
    user_name: 'chair',
    command: '/stat',
    text: 'agenda',
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: `${base}/response`,
    trigger_id: '1.2.3',
  };
}

function buttonClick(base: string) {
  return {
    type: 'block_actions',
    user: { id: 'U1', username: 'liaison', team_id: 'T1' },
    api_app_id: 'A1',
    token: 't',
    container: { type: 'message', message_ts: '1.1', channel_id: 'D1', is_ephemeral: false },
    trigger_id: '1.2.3',
    team: { id: 'T1', domain: 'city' },
    channel: { id: 'D1', name: 'directmessage' },
    message: { type: 'message', ts: '1.1', text: 'Time to enter your numbers' },
    response_url: `${base}/response`,
    actions: [{ action_id: OPEN_SUBMISSION_ACTION_ID, block_id: 'b', value: 'x', type: 'button', action_ts: '1.2' }],
  };
}
