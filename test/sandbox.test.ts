// Proves the Slack sandbox behaves like Slack towards a real Bolt app and a real WebClient:
// both transports, modals and trigger_ids, Block Kit rejection, signatures, 429s, file uploads.

import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { KnownBlock, ModalView } from '@slack/types';
import { ErrorCode, LogLevel, type WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHttpDriver,
  createSocketDriver,
  type HttpDriver,
  type SlackSandbox,
  startSlackSandbox,
} from '../local-stack/slack-sandbox/index.js';

type BoltApp = App;

const SIGNING_SECRET = 'test-signing-secret';
const ALICE = 'U0ALICE';
const STATS = 'C0STATS';
const OTHER = 'C0OTHER';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

function statModal(metric: string): ModalView {
  return {
    type: 'modal',
    callback_id: 'stat_submit',
    private_metadata: JSON.stringify({ metric }),
    title: { type: 'plain_text', text: 'Report a value' },
    submit: { type: 'plain_text', text: 'Save' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${metric}*` } },
      {
        type: 'input',
        block_id: 'value',
        label: { type: 'plain_text', text: 'Value' },
        element: { type: 'plain_text_input', action_id: 'value' },
      },
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: { type: 'plain_text', text: 'Note' },
        element: { type: 'plain_text_input', action_id: 'note' },
      },
    ],
  };
}

const statusBlocks = (text: string): KnownBlock[] => [{ type: 'section', text: { type: 'mrkdwn', text } }];

/** The listeners under test: /stat opens a modal and posts a message; the modal validates its input. */
function registerStatHandlers(app: BoltApp, errors: unknown[]): void {
  app.command('/stat', async ({ ack, command, client }) => {
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: statModal(command.text || 'potholes') });
    await client.chat.postMessage({
      channel: command.channel_id,
      text: `Collecting ${command.text}`,
      blocks: statusBlocks(`Collecting *${command.text}*`),
    });
  });
  // Slow work before views.open: the trigger_id expires meanwhile.
  app.command('/stat-slow', async ({ ack, command, client }) => {
    await ack();
    await new Promise((r) => setTimeout(r, 150));
    await client.views.open({ trigger_id: command.trigger_id, view: statModal('late') });
  });
  app.view('stat_submit', async ({ ack, view, body, client }) => {
    const value = view.state.values.value?.value?.value ?? '';
    if (!/^\d+(\.\d+)?$/.test(value)) {
      await ack({ response_action: 'errors', errors: { value: 'Enter a number, e.g. 42' } });
      return;
    }
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: `Saved ${value}` });
  });
  app.view({ type: 'view_closed', callback_id: 'stat_submit' }, async ({ ack }) => {
    await ack();
  });
  app.shortcut('log_followup', async ({ ack, shortcut, client }) => {
    await ack();
    await client.views.open({ trigger_id: shortcut.trigger_id, view: statModal('follow-up') });
  });
  app.action('approve', async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: 'Approved', blocks: statusBlocks(':white_check_mark: Approved') });
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: statusBlocks('Your metrics are up to date.') },
    });
  });
  // A bug on purpose: errors keyed by a block that is not an input.
  app.view('bad_errors', async ({ ack }) => {
    await ack({ response_action: 'errors', errors: { intro: 'Something is wrong' } });
  });
  app.error(async (error) => {
    errors.push(error);
  });
}

/** A violation fails the test that caused it; the app and sandbox close either way. */
async function checkAndClose(sandbox: SlackSandbox, app: BoltApp): Promise<void> {
  try {
    sandbox.assertNoViolations();
  } finally {
    await app.stop();
    await sandbox.close();
  }
}

function seed(sandbox: SlackSandbox): void {
  sandbox.addUser({ id: ALICE, name: 'alice', realName: 'Alice Analyst', tz: 'America/Chicago' });
  sandbox.addChannel({ id: STATS, name: 'stats', members: [ALICE], botIsMember: true });
  sandbox.addChannel({ id: OTHER, name: 'other', members: [ALICE], botIsMember: false });
}

describe('sandbox + Bolt over HTTP', () => {
  let sandbox: SlackSandbox;
  let app: BoltApp;
  let driver: HttpDriver;
  let client: WebClient;
  let appErrors: unknown[];

  beforeEach(async () => {
    // Before new App(): its constructor calls auth.test right away.
    sandbox = await startSlackSandbox({ signingSecret: SIGNING_SECRET });
    seed(sandbox);
    appErrors = [];
    app = new App({
      token: 'xoxb-test',
      receiver: new HTTPReceiver({ signingSecret: SIGNING_SECRET, logLevel: LogLevel.ERROR }),
      clientOptions: { slackApiUrl: sandbox.apiUrl, retryConfig: { retries: 0 } },
      logLevel: LogLevel.ERROR,
    });
    registerStatHandlers(app, appErrors);
    const server = (await app.start(0)) as Server;
    const { port } = server.address() as AddressInfo;
    driver = createHttpDriver({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET, sandbox });
    client = new WebClient('xoxb-test', {
      slackApiUrl: sandbox.apiUrl,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
  });

  afterEach(() => checkAndClose(sandbox, app));

  it('/stat acks, opens the modal with the trigger_id it was given, and posts to the channel', async () => {
    const res = await driver.slashCommand({ command: '/stat', text: 'potholes', userId: ALICE, channelId: STATS });
    expect(res.status).toBe(200);
    const [post] = await sandbox.waitForCall('chat.postMessage');

    const open = sandbox.callsTo('views.open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ ok: true, args: { trigger_id: res.triggerId } });
    expect(post).toMatchObject({ ok: true, args: { channel: STATS, text: 'Collecting potholes' } });
    expect(sandbox.openViews(ALICE).map((v) => v.callback_id)).toEqual(['stat_submit']);
    expect(sandbox.lastMessage(STATS)?.blocks).toEqual(statusBlocks('Collecting *potholes*'));
    // Bolt's auth.test at start-up went through the same checks.
    expect(sandbox.callsTo('auth.test')[0]?.ok).toBe(true);
  });

  it('a view_submission ack with errors keeps the modal open; a valid one closes it', async () => {
    await driver.slashCommand({ command: '/stat', text: 'potholes', userId: ALICE, channelId: STATS });
    await sandbox.waitForCall('chat.postMessage');
    const [view] = sandbox.openViews(ALICE);

    const rejected = await driver.viewSubmission({
      userId: ALICE,
      view: view!,
      values: { value: { value: { type: 'plain_text_input', value: 'many' } } },
    });
    expect(rejected.body).toEqual({ response_action: 'errors', errors: { value: 'Enter a number, e.g. 42' } });
    expect(sandbox.openViews(ALICE)).toHaveLength(1);

    const accepted = await driver.viewSubmission({
      userId: ALICE,
      view: view!,
      values: { value: { value: { type: 'plain_text_input', value: '42' } } },
    });
    expect(accepted.body).toBeUndefined();
    expect(sandbox.openViews(ALICE)).toHaveLength(0);
    await sandbox.waitForCall('chat.postMessage', { count: 2 });
    expect(sandbox.dmsTo(ALICE).map((m) => m.text)).toEqual(['Saved 42']);
  });

  it('the driver refuses what Slack’s UI cannot send: an empty required input', async () => {
    await driver.slashCommand({ command: '/stat', text: 'x', userId: ALICE, channelId: STATS });
    await sandbox.waitForCall('views.open');
    const [view] = sandbox.openViews(ALICE);
    await expect(driver.viewSubmission({ userId: ALICE, view: view!, values: {} })).rejects.toThrow(
      /"value" is required/,
    );
  });

  it('rejects invalid blocks like Slack (invalid_blocks) and records a violation naming the block', async () => {
    const tooLong = 'x'.repeat(3001);
    const err = await client.chat
      .postMessage({
        channel: STATS,
        text: 'fallback',
        blocks: [{ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: tooLong } }],
      })
      .catch((e: WebAPIPlatformError) => e);
    expect(err).toMatchObject({ code: ErrorCode.PlatformError, data: { ok: false, error: 'invalid_blocks' } });
    expect(() => sandbox.assertNoViolations()).toThrow(/blocks\[1\] \(section\).*3000 characters/);
    const violations = sandbox.takeViolations();
    expect(violations).toHaveLength(1);
    expect(sandbox.messagesIn(STATS)).toHaveLength(0);
  });

  it('rejects a 25-character modal title and an unknown argument (invalid_arguments)', async () => {
    const trigger = sandbox.issueTriggerId(ALICE);
    const view = { ...statModal('m'), title: { type: 'plain_text' as const, text: 'A title that is too long!' } };
    await expect(client.views.open({ trigger_id: trigger, view })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
    await expect(
      client.apiCall('chat.postMessage', { channel: STATS, text: 'hi', thred_ts: '1.2' }),
    ).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    const messages = sandbox.takeViolations().map((v) => v.message);
    expect(messages).toEqual([
      expect.stringMatching(/view title must be at most 24 characters/),
      expect.stringMatching(/unknown argument "thred_ts"/),
    ]);
  });

  it('trigger_ids expire, work once, and must have been issued', async () => {
    sandbox.triggerTtlMs = 100;
    await driver.slashCommand({ command: '/stat-slow', text: '', userId: ALICE, channelId: STATS });
    const [late] = await sandbox.waitForCall('views.open');
    expect(late).toMatchObject({ ok: false, error: 'expired_trigger_id' });
    await expect.poll(() => appErrors.length).toBe(1);

    sandbox.triggerTtlMs = 3000;
    const trigger = sandbox.issueTriggerId(ALICE);
    await client.views.open({ trigger_id: trigger, view: statModal('a') });
    await expect(client.views.open({ trigger_id: trigger, view: statModal('b') })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });
    await expect(client.views.open({ trigger_id: '123.456.made-up', view: statModal('c') })).rejects.toMatchObject({
      data: { error: 'invalid_trigger_id' },
    });
    const fresh = sandbox.issueTriggerId(ALICE);
    sandbox.advanceTime(3500);
    await expect(client.views.open({ trigger_id: fresh, view: statModal('d') })).rejects.toMatchObject({
      data: { error: 'expired_trigger_id' },
    });
  });

  it('answers 401 to forged, stale or missing signatures, and the app does nothing', async () => {
    for (const signature of ['forged', 'stale', 'omit'] as const) {
      const res = await driver.slashCommand(
        { command: '/stat', text: 'x', userId: ALICE, channelId: STATS },
        { signature },
      );
      expect(res.status, signature).toBe(401);
    }
    expect(sandbox.callsTo('views.open')).toHaveLength(0);
  });

  it('the web client waits out a 429 for its Retry-After, then succeeds', async () => {
    const retrying = new WebClient('xoxb-test', {
      slackApiUrl: sandbox.apiUrl,
      retryConfig: { retries: 1, factor: 1, minTimeout: 0, maxTimeout: 0 },
      logLevel: LogLevel.ERROR,
    });
    sandbox.failNext('chat.postMessage', { rateLimited: 1 });
    const started = Date.now();
    const res = await retrying.chat.postMessage({ channel: STATS, text: 'after the pause' });
    expect(res.ok).toBe(true);
    const calls = sandbox.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('files.uploadV2 works end to end: upload URL, bytes, completion, message in the thread', async () => {
    const parent = await client.chat.postMessage({ channel: STATS, text: 'Monthly report' });
    await client.files.uploadV2({
      channel_id: STATS,
      thread_ts: parent.ts!,
      file: PNG,
      filename: 'variance.png',
      title: 'Variance',
      alt_text: 'Variance chart',
      initial_comment: 'Chart attached',
    });
    const [file] = sandbox.files;
    expect(file).toMatchObject({
      filename: 'variance.png',
      title: 'Variance',
      mimetype: 'image/png',
      completed: true,
      channels: [STATS],
      threadTs: parent.ts,
    });
    expect(file!.bytes!.subarray(0, 8)).toEqual(PNG.subarray(0, 8));
    expect(sandbox.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({
      filename: 'variance.png',
      length: PNG.length,
      alt_text: 'Variance chart',
    });
    expect(sandbox.lastMessage(STATS)).toMatchObject({
      text: 'Chart attached',
      thread_ts: parent.ts,
      files: [file!.id],
    });
    const info = await client.files.info({ file: file!.id });
    const download = await fetch(info.file!.url_private!, { headers: { authorization: 'Bearer xoxb-test' } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);
  });

  it('models channels and DMs: not_in_channel, channel_not_found, posting to a user id lands in the DM', async () => {
    await expect(client.chat.postMessage({ channel: OTHER, text: 'hi' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
    await expect(client.chat.postMessage({ channel: 'C0NOPE', text: 'hi' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    const opened = await client.conversations.open({ users: ALICE });
    const posted = await client.chat.postMessage({ channel: ALICE, text: 'direct' });
    expect(posted.channel).toBe(opened.channel!.id);
    expect(sandbox.dmsTo(ALICE).map((m) => m.text)).toEqual(['direct']);
    await expect(client.users.lookupByEmail({ email: 'nobody@example.gov' })).rejects.toMatchObject({
      data: { error: 'users_not_found' },
    });
    expect((await client.users.info({ user: ALICE })).user?.tz).toBe('America/Chicago');
    const updated = await client.chat.update({ channel: posted.channel!, ts: posted.ts!, text: 'edited' });
    expect(updated.ok).toBe(true);
    await expect(client.chat.update({ channel: posted.channel!, ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('keeps message metadata and returns it from conversations.history/replies with include_all_metadata', async () => {
    const metadata = { event_type: 'stat_notice', event_payload: { key: 'k:1' } };
    const dm = await client.chat.postMessage({ channel: ALICE, text: 'tagged', metadata });
    const parent = await client.chat.postMessage({ channel: STATS, text: 'parent' });
    await client.chat.postMessage({ channel: STATS, text: 'reply', thread_ts: parent.ts!, metadata });
    const withMeta = await client.conversations.history({ channel: dm.channel!, include_all_metadata: true });
    expect(withMeta.messages?.map((m) => [m.text, m.metadata])).toEqual([['tagged', metadata]]);
    // The output carries every field the method spec requires.
    const spec = JSON.parse(readFileSync('vendor/slack-spec/methods/conversations.history.json', 'utf8'));
    for (const field of spec.output.required as string[]) expect(withMeta).toHaveProperty(field);
    const plain = await client.conversations.history({ channel: dm.channel!, oldest: '0' });
    expect(plain.messages?.[0]?.metadata).toBeUndefined();
    const later = await client.conversations.history({ channel: dm.channel!, oldest: dm.ts! });
    expect(later.messages).toEqual([]);
    // Thread replies stay out of the channel's history and come back from conversations.replies.
    const channel = await client.conversations.history({ channel: STATS, include_all_metadata: true });
    expect(channel.messages?.map((m) => m.text)).toEqual(['parent']);
    const thread = await client.conversations.replies({ channel: STATS, ts: parent.ts!, include_all_metadata: true });
    expect(thread.messages?.map((m) => [m.text, m.metadata])).toEqual([
      ['parent', undefined],
      ['reply', metadata],
    ]);
    await expect(client.conversations.history({ channel: ALICE })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(
      client.chat.postMessage({ channel: ALICE, text: 'x', metadata: { event_type: 'Bad Type', event_payload: {} } }),
    ).rejects.toMatchObject({ data: { error: 'invalid_metadata_format' } });
    expect(sandbox.takeViolations()).toHaveLength(1);
  });

  it('a button click carries a working response_url; respond() replaces the original message', async () => {
    const posted = await client.chat.postMessage({
      channel: STATS,
      text: 'Approve the March values?',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'Approve the March values?' } },
        {
          type: 'actions',
          block_id: 'decide',
          elements: [
            { type: 'button', action_id: 'approve', value: 'march', text: { type: 'plain_text', text: 'Approve' } },
          ],
        },
      ],
    });
    const res = await driver.blockAction({
      userId: ALICE,
      actionId: 'approve',
      channelId: STATS,
      messageTs: posted.ts!,
    });
    expect(res.status).toBe(200);
    await expect.poll(() => sandbox.responses(res.responseUrl).length).toBe(1);
    expect(sandbox.messagesIn(STATS)).toHaveLength(1);
    expect(sandbox.lastMessage(STATS)).toMatchObject({
      text: 'Approved',
      blocks: statusBlocks(':white_check_mark: Approved'),
    });
    await expect(
      driver.blockAction({ userId: ALICE, actionId: 'reject', channelId: STATS, messageTs: posted.ts! }),
    ).rejects.toThrow(/no element with action_id "reject"/);
  });

  it('a message shortcut gets a trigger_id that opens a modal for that user', async () => {
    const source = sandbox.addMessage({ channel: STATS, user: ALICE, text: 'Potholes are up 12%' });
    const res = await driver.messageShortcut({
      userId: ALICE,
      callbackId: 'log_followup',
      channelId: STATS,
      message: source,
    });
    expect(res.status).toBe(200);
    await sandbox.waitForCall('views.open');
    expect(sandbox.openViews(ALICE).map((v) => v.private_metadata)).toEqual([JSON.stringify({ metric: 'follow-up' })]);
  });

  it('app_home_opened → views.publish stores the Home tab per user', async () => {
    await driver.appHomeOpened(ALICE);
    await sandbox.waitForCall('views.publish');
    expect(sandbox.homeView(ALICE)?.blocks).toEqual(statusBlocks('Your metrics are up to date.'));
  });

  it('checks ack bodies: errors must name an input block of the submitted view', async () => {
    const trigger = sandbox.issueTriggerId(ALICE);
    const modal = {
      ...statModal('m'),
      callback_id: 'bad_errors',
      blocks: [
        { type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: 'Hi' } },
        ...statModal('m').blocks.slice(1),
      ],
    };
    await client.views.open({ trigger_id: trigger, view: modal });
    const [view] = sandbox.openViews(ALICE);
    await driver.viewSubmission({
      userId: ALICE,
      view: view!,
      values: { value: { value: { type: 'plain_text_input', value: '1' } } },
    });
    expect(sandbox.takeViolations().map((v) => v.message)).toEqual([
      expect.stringMatching(/block_id "intro", which is not an input block/),
    ]);
  });

  it('paces chat.postMessage per channel when enforceRateLimits is on', async () => {
    sandbox.enforceRateLimits = true;
    const strict = new WebClient('xoxb-test', {
      slackApiUrl: sandbox.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((i) => strict.chat.postMessage({ channel: STATS, text: `burst ${i}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(sandbox.rateLimitStats).toMatchObject({
      accepted: 3,
      limited: 2,
      byChannel: { [STATS]: { accepted: 3, limited: 2 } },
    });
    await expect(strict.chat.postMessage({ channel: STATS, text: 'still too soon' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 1,
    });
    sandbox.advanceTime(1000);
    await expect(strict.chat.postMessage({ channel: STATS, text: 'a second later' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('only takes JSON bodies for methods that support them', async () => {
    const json = (method: string, body: object) =>
      fetch(`${sandbox.apiUrl}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-test' },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    expect(
      await json('chat.postMessage', { channel: STATS, text: 'json is fine here', blocks: statusBlocks('ok') }),
    ).toMatchObject({ ok: true });
    expect(await json('users.info', { user: ALICE })).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(sandbox.takeViolations().map((v) => v.message)).toEqual([
      expect.stringMatching(/users.info does not accept JSON bodies/),
    ]);
  });

  it('views.update needs the current hash; view_closed only comes for notify_on_close views', async () => {
    const opened = await client.views.open({ trigger_id: sandbox.issueTriggerId(ALICE), view: statModal('a') });
    const { id, hash } = opened.view!;
    const updated = await client.views.update({ view_id: id!, hash: hash!, view: statModal('b') });
    expect(updated.view?.hash).not.toBe(hash);
    await expect(client.views.update({ view_id: id!, hash: hash!, view: statModal('c') })).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
    await driver.viewClosed({ userId: ALICE, view: sandbox.view(id!)! });
    expect(sandbox.openViews(ALICE)).toHaveLength(0);
    expect(sandbox.takeViolations().map((v) => v.message)).toEqual([
      expect.stringMatching(/notify_on_close: false, so Slack never sends view_closed/),
    ]);
  });

  it('injects faults: Slack errors, HTTP 500s, unknown methods', async () => {
    sandbox.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(client.chat.postMessage({ channel: STATS, text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    sandbox.failNext('*', { status: 500 });
    await expect(client.users.info({ user: ALICE })).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 500,
    });
    await expect(client.chat.postMessage({ channel: STATS, text: 'x' })).resolves.toMatchObject({ ok: true });
    await expect(client.apiCall('chat.postMesage', { channel: STATS, text: 'typo' })).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
    expect(sandbox.takeViolations()).toEqual([
      { method: 'chat.postMesage', message: expect.stringMatching(/unknown method/) },
    ]);
  });

  it('a response_url takes 5 posts, validates them, and refuses the 6th', async () => {
    const url = sandbox.newResponseUrl({ channel: STATS, user: ALICE });
    const post = (body: object) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (let i = 0; i < 5; i++) expect((await post({ text: `update ${i}` })).status).toBe(200);
    const sixth = await post({ text: 'one too many' });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: 'used_url' });
    expect(sandbox.ephemerals(ALICE)).toHaveLength(5);
    expect(sandbox.responses(url)).toHaveLength(6);
  });
});

describe('sandbox + Bolt in Socket Mode', () => {
  let sandbox: SlackSandbox;
  let app: BoltApp;

  beforeEach(async () => {
    sandbox = await startSlackSandbox();
    seed(sandbox);
    const clientOptions = { slackApiUrl: sandbox.apiUrl, retryConfig: { retries: 0 } };
    const receiver = new SocketModeReceiver({
      appToken: 'xapp-test',
      // The Socket Mode client's own WebClient (apps.connections.open) reads installerOptions.clientOptions, not App's clientOptions.
      installerOptions: { clientOptions },
      // After {"type":"disconnect"} the client waits clientPingTimeout (default 5 s) before reconnecting.
      clientPingTimeout: 300,
      logLevel: LogLevel.ERROR,
    });
    app = new App({ token: 'xoxb-test', receiver, clientOptions, logLevel: LogLevel.ERROR });
    registerStatHandlers(app, []);
    await app.start();
  });

  afterEach(() => checkAndClose(sandbox, app));

  it('delivers a slash command envelope, gets the ack, and the app calls the Web API', async () => {
    const driver = createSocketDriver({ sandbox });
    const res = await driver.slashCommand({ command: '/stat', text: 'graffiti', userId: ALICE, channelId: STATS });
    expect(res).toMatchObject({ status: 200, acked: true });
    await sandbox.waitForCall('chat.postMessage');
    expect(sandbox.callsTo('apps.connections.open')[0]).toMatchObject({ ok: true, token: 'xapp-test' });
    expect(sandbox.openViews(ALICE)).toHaveLength(1);
    expect(sandbox.lastMessage(STATS)?.text).toBe('Collecting graffiti');
  });

  it('carries view_submission acks (response_action) back over the socket', async () => {
    const driver = createSocketDriver({ sandbox });
    await driver.slashCommand({ command: '/stat', text: 'trees', userId: ALICE, channelId: STATS });
    await sandbox.waitForCall('views.open');
    const [view] = sandbox.openViews(ALICE);
    const res = await driver.viewSubmission({
      userId: ALICE,
      view: view!,
      values: { value: { value: { type: 'plain_text_input', value: 'lots' } } },
    });
    expect(res.body).toEqual({ response_action: 'errors', errors: { value: 'Enter a number, e.g. 42' } });
  });

  it('reconnects after {"type":"disconnect"} and keeps working', async () => {
    const driver = createSocketDriver({ sandbox });
    const before = sandbox.socket.connectionsOpened;
    sandbox.socket.disconnectAll();
    await sandbox.socket.waitForConnection(5000, before + 1);
    expect(sandbox.callsTo('apps.connections.open')).toHaveLength(2);
    const res = await driver.slashCommand({ command: '/stat', text: 'again', userId: ALICE, channelId: STATS });
    expect(res.acked).toBe(true);
    await sandbox.waitForCall('chat.postMessage');
  });
});
