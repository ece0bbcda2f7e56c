// `stat run-due` from cron must not hang on Slack: its client (made by the same factory as the
// bot's) gives up on a hung call within a bound well inside a notice's 5-minute lease, so no
// other run can take the notice over and send it a second time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SlackSandbox, startSlackSandbox } from '../../local-stack/slack-sandbox/index.js';
import {
  createSlackClient,
  SLACK_CALL_POLICY,
  type SlackCallPolicy,
  worstCaseCallMs,
  worstCaseSendMs,
} from '../../src/app/slack-client.js';
import { runProgramImport } from '../../src/cli/program-import.js';
import { runDueOnce } from '../../src/cli/run-due.js';
import { type Config, parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/infra/logger.js';
import { loadProgramFile } from '../../src/infra/program-file/load-program-file.js';

const LEASE_MS = 5 * 60_000; // src/services/notices/deliver-notices.ts
const PROGRAM = 'examples/riverton.yaml';

describe('the Slack call policy', () => {
  it('bounds one call, every attempt hung, to well inside a notice lease', () => {
    expect(SLACK_CALL_POLICY.timeoutMs).toBeGreaterThan(0);
    expect(worstCaseCallMs(SLACK_CALL_POLICY)).toBeLessThan(LEASE_MS / 2);
  });

  it('bounds one send, its 429s waited out by the gateway, to inside the lease renewed before it', () => {
    expect(worstCaseSendMs(SLACK_CALL_POLICY)).toBe(4 * 63_000 + 3 * 10_000);
    expect(worstCaseSendMs(SLACK_CALL_POLICY)).toBeLessThan(LEASE_MS);
  });

  it('counts every attempt and every backoff', () => {
    expect(worstCaseCallMs({ timeoutMs: 100, retries: 3, minBackoffMs: 10, maxBackoffMs: 25 })).toBe(
      4 * 100 + 10 + 20 + 25,
    );
  });
});

describe('stat run-due against a Slack that hangs', () => {
  let sandbox: SlackSandbox;
  let config: Config;

  beforeAll(async () => {
    sandbox = await startSlackSandbox();
    const loaded = await loadProgramFile(PROGRAM);
    if (!loaded.ok || loaded.value.kind !== 'program') throw new Error('expected the sample program');
    for (const p of loaded.value.program.people.filter((x) => x.slack_id !== undefined))
      sandbox.addUser({ id: p.slack_id!, name: p.name.toLowerCase().replace(/\W+/g, '.'), realName: p.name });
    const parsed = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-sandbox',
      SLACK_SIGNING_SECRET: sandbox.signingSecret,
      SLACK_API_URL: sandbox.apiUrl,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'statbot-run-due-')),
      LOG_LEVEL: 'error',
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    config = parsed.config;
    expect(await runProgramImport(PROGRAM, config)).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await sandbox?.close();
  });

  it('gives up on hung calls instead of waiting for Slack, and says nothing was sent', async () => {
    // A shorter policy than production's, so the test need not wait minutes; what is under test is
    // that run-due's client is built with the policy at all (the SDK default waits forever).
    const policy: SlackCallPolicy = { timeoutMs: 300, retries: 1, minBackoffMs: 50, maxBackoffMs: 50 };
    const HANG_MS = 120_000;
    sandbox.failNext('chat.postMessage', { delayMs: HANG_MS }, 1_000);
    const printed = vi.spyOn(console, 'log');
    const started = performance.now();
    let said = '';
    try {
      await runDueOnce(new Date('2026-11-02T15:30:00Z'), config, { slackPolicy: policy });
    } finally {
      said = printed.mock.calls.flat().join('\n');
      printed.mockRestore();
    }
    expect(performance.now() - started).toBeLessThan(30_000);
    // Each notice whose DM did not go out is handed back for the next run, not lost.
    expect(said).toMatch(/sent 0, skipped \d+, deferred [1-9]\d*, failed 0/);
    expect(sandbox.callsTo('chat.postMessage').filter((c) => c.ok)).toEqual([]);
  }, 45_000);
});

describe('a client from the factory', () => {
  let sandbox: SlackSandbox;
  beforeAll(async () => {
    sandbox = await startSlackSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const policy: SlackCallPolicy = { timeoutMs: 200, retries: 2, minBackoffMs: 20, maxBackoffMs: 40 };

  it('gives up on a hung call within the policy bound', async () => {
    sandbox.failNext('auth.test', { delayMs: 30_000 }, policy.retries + 1);
    const client = createSlackClient({ botToken: 'xoxb-sandbox', apiUrl: sandbox.apiUrl }, silentLogger, policy);
    const started = performance.now();
    await expect(client.auth.test()).rejects.toThrow();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(worstCaseCallMs(policy) - 50);
    expect(elapsed).toBeLessThan(worstCaseCallMs(policy) + 1_000);
  });

  it('retries a failing call exactly as often as the policy says', async () => {
    sandbox.failNext('auth.test', { status: 503 }, 10);
    const client = createSlackClient({ botToken: 'xoxb-sandbox', apiUrl: sandbox.apiUrl }, silentLogger, policy);
    const before = sandbox.callsTo('auth.test').length;
    await expect(client.auth.test()).rejects.toThrow();
    expect(sandbox.callsTo('auth.test').length - before).toBe(policy.retries + 1);
  });
});
