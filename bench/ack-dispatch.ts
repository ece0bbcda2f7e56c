// Issue 11: the work a request costs before its ack, in one process, without HTTP or other
// processes in the way — the bot's Bolt app (createApp: its middleware and every listener) against
// a bare Bolt app whose three listeners only ack. 50 requests are handed to App.processEvent at
// once, as a burst read from the network would be, and the time to the 50th ack is taken; bursts
// alternate between the apps. In a burst each ack waits for the work of the requests before it,
// so this ratio is what the ack bench's p99 ratio tends to once other processes are quiet.
import { setTimeout as sleep } from 'node:timers/promises';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { InteractionPayloads, startSlackSandbox } from '../local-stack/slack-sandbox/index.js';
import { createTestDatabase } from '../local-stack/test-db.js';
import { createApp } from '../src/app/create-app.js';
import { silentLogger } from '../src/infra/logger.js';
import { encodeOpenSubmission, OPEN_SUBMISSION_ACTION_ID } from '../src/views/collection-reminder.js';
import { SUBMISSION_CALLBACK_ID } from '../src/views/submission-modal.js';
import { runBench } from './lib/harness.js';
import { type Cell, fmtMs, fmtRatio, median } from './lib/report.js';

const BURST = 50;
const ROUNDS = 40;
const WARM_ROUNDS = 10; // not counted: both apps' code paths compiled first
const TARGET = 1.3;
const USER = 'U0CHAIR01';
/** A well-formed value, as the reminders carry: the bot's listener goes on to its after-ack work. */
const BUTTON_VALUE = encodeOpenSubmission(1, '2026-10');

runBench('ack-dispatch', 'Work before the ack, in one process: bot vs bare Bolt app (issue 11)', async (ctx) => {
  // Slack's Web API and response_urls for the after-ack work, and the requests' payloads.
  const sandbox = await startSlackSandbox();
  sandbox.addUser({ id: USER, name: 'chair' });
  const payloads = new InteractionPayloads(sandbox);
  const db = await createTestDatabase();
  try {
    const deps = {
      prisma: db.prisma,
      clock: { now: () => new Date() },
      logger: silentLogger,
      charts: { renderer: 'local' as const },
    };
    const bot = createApp(
      { botToken: 'xoxb-sandbox', mode: 'http', port: 0, apiUrl: sandbox.apiUrl, signingSecret: 's' },
      deps,
    );
    // As bench/lib/ack-server.ts builds it for the ack bench.
    const bare = new App({
      token: 'xoxb-sandbox',
      receiver: new HTTPReceiver({ signingSecret: 's', processBeforeResponse: false }),
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: sandbox.apiUrl },
    });
    bare.command('/stat', async ({ ack }) => ack());
    bare.view(SUBMISSION_CALLBACK_ID, async ({ ack }) => ack());
    bare.action(OPEN_SUBMISSION_ACTION_ID, async ({ ack }) => ack());

    const kinds: Record<string, () => object> = {
      '`/stat agenda`': () => body(payloads.slashCommand({ command: '/stat', text: 'agenda', userId: USER })),
      '"Enter numbers" button': () =>
        body(
          payloads.blockAction({
            userId: USER,
            actionId: OPEN_SUBMISSION_ACTION_ID,
            type: 'button',
            value: BUTTON_VALUE,
          }),
        ),
    };
    const rows: Cell[][] = [];
    for (const [label, request] of Object.entries(kinds)) {
      const times = { bot: [] as number[], bare: [] as number[] };
      for (let round = 0; round < WARM_ROUNDS + ROUNDS; round++) {
        const order = round % 2 ? (['bot', 'bare'] as const) : (['bare', 'bot'] as const);
        for (const which of order) {
          const ms = await burst(which === 'bot' ? bot : bare, request);
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
    await sandbox.close();
  }
});

/** The time from handing `n` requests to the app to its last ack. */
async function burst(app: App, request: () => object, n = BURST): Promise<number> {
  const bodies = Array.from({ length: n }, request); // built before the clock starts
  const started = performance.now();
  let last = started;
  await new Promise<void>((done) => {
    let left = n;
    for (const body of bodies)
      void app.processEvent({
        body,
        ack: async () => {
          last = performance.now();
          if (--left === 0) done();
        },
      });
  });
  return last - started;
}

/** What a receiver hands to processEvent: a command's form fields, or an interaction's payload. */
function body(built: ReturnType<InteractionPayloads['slashCommand' | 'blockAction']>): object {
  if (built.kind === 'slash_command') return built.fields;
  if (built.kind === 'event') return built.body;
  return built.payload;
}
