// Requests coming in: only Slack-signed ones are processed (forged, missing or over five minutes
// old → 401); Slack's retries of an event are handled once, over HTTP and Socket Mode; a request no
// listener answers is still acknowledged at once; every handler acks within Slack's 3 seconds even
// when every Web API call takes longer than that (the heavy work happens after the ack); every log
// line of a request carries its request id.

import type { Server } from 'node:http';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local-stack/local-stack.js';
import { type HttpDriver, slackSignature } from '../../local-stack/slack-sandbox/index.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { hardenHttpServer } from '../../src/handlers/middleware/harden-http-server.js';
import { TRACK_FOLLOWUP_CALLBACK_ID } from '../../src/handlers/shortcuts/track-followup.js';
import { createLogger } from '../../src/infra/logger.js';
import { unansweredRequests } from '../../src/infra/unanswered-requests.js';
import { OPEN_SUBMISSION_ACTION_ID } from '../../src/views/collection-reminder.js';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { digest } from './hostile/observe.js';
import { eventCallback, RawSlack } from './hostile/raw-requests.js';

const MON_2_NOV_1030 = '2026-11-02T15:30:00Z';
const LIAISON = 'U0DPWLIA1';
const CHAIR = 'U0CHAIR01';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('over HTTP', () => {
  let stack: LocalStack;
  let raw: RawSlack;
  const lines: string[] = [];
  beforeAll(async () => {
    const logger = createLogger({ format: 'json', level: 'info', write: (line) => lines.push(line) });
    stack = await startLocalStack({ db, now: MON_2_NOV_1030, logger });
    raw = new RawSlack(stack.driver as HttpDriver, stack.sandbox);
  });
  afterAll(async () => {
    await stack?.close();
  });
  afterEach(async () => {
    stack.sandbox.assertNoViolations();
    await expectAllAnswered();
  });

  it.each(['forged', 'omit', 'stale'] as const)(
    'a %s signature is refused with 401 and nothing runs',
    async (signature) => {
      const before = await digest(db.prisma);
      const res = await stack.driver.slashCommand({ command: '/stat', text: 'submit', userId: LIAISON }, { signature });
      expect(res.status).toBe(401);
      expect(stack.sandbox.callsTo('views.open')).toHaveLength(0);
      expect(stack.sandbox.responses(res.responseUrl!)).toHaveLength(0);
      expect(await digest(db.prisma)).toEqual(before);
    },
  );

  it('a body changed after signing is refused; a request four minutes old is still accepted', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const signed = new URLSearchParams({ command: '/stat', text: 'status', user_id: LIAISON }).toString();
    const tampered = await (stack.driver as HttpDriver).sendRaw(signed.replace(LIAISON, CHAIR), {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(stack.sandbox.signingSecret, ts, signed),
    });
    expect(tampered.status).toBe(401);
    const recent = await stack.driver.slashCommand(
      { command: '/stat', text: 'help', userId: LIAISON },
      { timestampOffsetSec: -240 },
    );
    expect(recent.status).toBe(200);
  });

  it('an event Slack delivers again (X-Slack-Retry-Num) is handled once; a new event, or a retry of one never seen, is handled', async () => {
    const home = (eventId: string) =>
      raw.appEvent(
        { type: 'app_home_opened', user: LIAISON, channel: stack.sandbox.dmChannelId(LIAISON), tab: 'home' },
        eventId,
      );
    const publishes = () => stack.sandbox.callsTo('views.publish').length;
    expect((await raw.event(home('Ev0FIRST'))).status).toBe(200);
    expect(publishes()).toBe(1);
    for (const n of [1, 2, 3])
      expect(
        (await raw.event(home('Ev0FIRST'), { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' }))
          .status,
      ).toBe(200);
    expect(publishes()).toBe(1);
    await raw.event(home('Ev0SECOND'));
    await raw.event(home('Ev0LOSTFIRST'), { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' });
    expect(publishes()).toBe(3);
    // The skipped retry is logged with the request's id and Slack's retry number.
    const skipped = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => String(l.msg).includes('handled already'));
    expect(skipped).toHaveLength(3);
    expect(skipped[0]).toMatchObject({
      requestId: expect.stringMatching(/^req-[0-9a-f]{6}-[0-9a-z]+$/),
      slackRetry: 1,
      eventId: 'Ev0FIRST',
    });
    expect(new Set(skipped.map((l) => l.requestId)).size).toBe(3);
  });

  it('a button no listener knows is acknowledged at once, not left to time out', async () => {
    const res = await raw.button(CHAIR, { action_id: 'stat_retired_button', value: 'x' });
    expect(res.status).toBe(200);
    const started = Date.now();
    await stack.driver.viewSubmission({ userId: CHAIR, view: { callback_id: 'stat_retired_form' } });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('in Socket Mode, with every Slack Web API call taking 3.5 s', () => {
  let stack: LocalStack;
  const lines: string[] = [];
  beforeAll(async () => {
    const logger = createLogger({ format: 'json', level: 'debug', write: (line) => lines.push(line) });
    stack = await startLocalStack({ db, now: MON_2_NOV_1030, mode: 'socket', logger });
    await stack.runDue(); // the opening DMs, with their Enter numbers buttons
  });
  afterAll(async () => {
    await stack?.close();
  });
  afterEach(expectAllAnswered);

  it('an event Slack retries over the socket (retry_attempt) is handled once; nothing is acked twice', async () => {
    const { sandbox } = stack;
    const body = eventCallback(
      { type: 'app_home_opened', user: CHAIR, channel: sandbox.dmChannelId(CHAIR), tab: 'home' },
      'Ev0SOCKET',
    );
    const published = sandbox.callsTo('views.publish').length;
    await sandbox.socket.send('events_api', body);
    await sandbox.waitForCall('views.publish', { count: published + 1 });
    await sandbox.socket.send('events_api', body, { retryAttempt: 1, retryReason: 'timeout' });
    await new Promise((r) => setTimeout(r, 300)); // events are acked before they are handled
    expect(sandbox.callsTo('views.publish')).toHaveLength(published + 1);
    // Every request is acked exactly once: Bolt warns about a second ack in Socket Mode.
    await stack.driver.slashCommand({ command: '/stat', text: 'help', userId: CHAIR });
    expect(lines.filter((l) => l.includes('already been called'))).toEqual([]);
  }, 20_000);

  it('every kind of handler acknowledges within 3 s: the Slack calls come after the ack', async () => {
    const { driver, sandbox } = stack;
    await driver.slashCommand({ command: '/stat', text: 'submit', userId: LIAISON });
    await sandbox.waitForCall('views.open');
    const form = sandbox.openViews(LIAISON).find((v) => v.callback_id === SUBMISSION_CALLBACK_ID)!;
    const dm = sandbox.dmsTo(LIAISON).find((m) => JSON.stringify(m.blocks).includes(OPEN_SUBMISSION_ACTION_ID))!;
    const note = sandbox.addMessage({ channel: 'C0STATROOM', text: 'Potholes: DPW to report back', user: CHAIR });
    sandbox.failNext('*', { delayMs: 3500 }, 100); // the last test of this stack: the delays outlive it
    const acks = await Promise.all([
      driver.slashCommand({ command: '/stat', text: 'status', userId: CHAIR }),
      driver.slashCommand({ command: '/stat', text: 'agenda', userId: CHAIR }),
      driver.slashCommand({ command: '/stat', text: 'submit', userId: LIAISON }),
      driver.blockAction({
        userId: LIAISON,
        actionId: OPEN_SUBMISSION_ACTION_ID,
        channelId: dm.channel,
        messageTs: dm.ts,
      }),
      driver.viewSubmission({ userId: LIAISON, view: form, values: {} }),
      driver.messageShortcut({
        userId: CHAIR,
        callbackId: TRACK_FOLLOWUP_CALLBACK_ID,
        channelId: 'C0STATROOM',
        message: { text: note.text, ts: note.ts, user: CHAIR },
      }),
      driver.appHomeOpened(CHAIR),
    ]);
    for (const ack of acks) {
      expect(ack.status).toBe(200);
      expect(ack.acked).toBe(true);
      expect(ack.ackMs).toBeLessThan(3000);
    }
    expect(sandbox.takeViolations()).toEqual([]); // the sandbox's own ack checks agree
  }, 20_000);
});

describe('the HTTP server', () => {
  it('answers the next request on a connection that sent an oversized body (hardenHttpServer)', async () => {
    const receiver = new HTTPReceiver({ signingSecret: 'secret', processBeforeResponse: true });
    const app = new App({ token: 'xoxb-test', receiver, tokenVerificationEnabled: false });
    const server = (await app.start(0)) as Server;
    hardenHttpServer(server);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await post(server, agent, 'x='.padEnd(4.5 * 1024 * 1024, 'x'))).toBe(413);
      expect(await post(server, agent, 'ssl_check=1')).toBe(200); // without the repair: no answer, ever
    } finally {
      agent.destroy();
      await app.stop();
    }
  });
});

/** Every request counted as unanswered (after-ack work waits on them) was counted out again. */
async function expectAllAnswered() {
  await new Promise((resolve) => setTimeout(resolve, 20)); // a response's 'close' follows its last byte
  expect(unansweredRequests()).toBe(0);
}

function post(server: Server, agent: Agent, body: string): Promise<number | string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    const req = request(
      {
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve('error'));
    req.setTimeout(2000, () => req.destroy());
    req.end(body);
  });
}
