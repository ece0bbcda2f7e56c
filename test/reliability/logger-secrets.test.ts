// Secrets never reach a log line: Slack tokens, the signing secret, database passwords, bearer
// headers, response_urls — in the message, in fields, nested, inside errors and their causes, in
// both formats, and through Bolt's logger. Logging never throws, keeps one event on one line, and
// inside a request or a job every line carries its id.
import { describe, expect, it } from 'vitest';
import { startLocalStack } from '../../local-stack/local-stack.js';
import { createTestDatabase } from '../../local-stack/test-db.js';
import { parseConfig } from '../../src/config.js';
import { createLogger, type LogLevel, redact, withLogContext } from '../../src/infra/logger.js';
import { boltLogger } from '../../src/infra/slack/bolt-logger.js';

const SIGNING_SECRET = '8f14e45fceea167a5a36dedd4bea2543';
const DB_PASSWORD = 'Tr0ub4dor&3';
const ENV = {
  SLACK_BOT_TOKEN: 'xoxb-1111111111-2222222222-AbCdEfGhIjKlMnOpQrStUvWx',
  SLACK_APP_TOKEN: 'xapp-1-A0SANDBOX-3333333333-deadbeefdeadbeefdeadbeef',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  DATABASE_URL: `postgres://statbot:${encodeURIComponent(DB_PASSWORD)}@db.internal:5432/stat`,
};
const SECRETS = [
  ENV.SLACK_BOT_TOKEN,
  ENV.SLACK_APP_TOKEN,
  SIGNING_SECRET,
  DB_PASSWORD,
  encodeURIComponent(DB_PASSWORD),
];

// The logger takes its secrets from the parsed config, as src/main.ts and the CLI give them.
const parsed = parseConfig(ENV);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const CONFIG_SECRETS = parsed.config.log.secrets;

function capture(format: 'json' | 'pretty', level: LogLevel = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ format, level, write: (l) => lines.push(l), secrets: CONFIG_SECRETS });
  return { logger, lines, text: () => lines.join('\n') };
}

const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

describe.each(['json', 'pretty'] as const)('%s logs', (format) => {
  it('mask tokens, the signing secret and database passwords wherever they appear', () => {
    const { logger, text } = capture(format);
    const cause = new Error(`connect failed for ${ENV.DATABASE_URL}`);
    const err = Object.assign(new Error(`Slack said no to ${ENV.SLACK_BOT_TOKEN}`, { cause }), {
      code: 'E_TEST',
      meta: { url: ENV.DATABASE_URL },
    });
    logger.error(`starting with ${ENV.SLACK_APP_TOKEN} and ${SIGNING_SECRET}`, {
      err,
      config: {
        slack: { botToken: ENV.SLACK_BOT_TOKEN, signingSecret: SIGNING_SECRET },
        database: { url: ENV.DATABASE_URL, password: DB_PASSWORD },
      },
      headers: { Authorization: `Bearer ${ENV.SLACK_BOT_TOKEN}`, 'x-slack-signature': `v0=${'a1'.repeat(32)}` },
      list: [ENV.SLACK_BOT_TOKEN, { deeper: { still: SIGNING_SECRET } }],
    });
    expect(leaks(text())).toEqual([]);
    expect(text()).not.toMatch(/v0=a1a1/);
    // What helps whoever reads the log is still there.
    expect(text()).toContain('db.internal:5432/stat');
    expect(text()).toContain('E_TEST');
  });

  it('mask secrets by shape even when nobody registered them', () => {
    const { logger, text } = capture(format);
    logger.warn('shapes', {
      user: 'xoxp-9999999999-8888888888-7777777777-abcdef0123456789abcdef0123456789',
      refresh: 'xoxe.xoxp-1-Mi0yLTExMTExMTExMTEtMjIyMjIyMjIyMg',
      other: 'xoxe-1-My0xLTExMTExMTExMTEtMjIyMjIyMjIyMg',
      redis: 'redis://:s3cr3t-redis@cache:6379',
      pg: 'postgresql://app:hunter2hunter2@10.0.0.5/stat?sslmode=require',
      kv: 'host=db user=app password=hunter2hunter2 dbname=stat',
      query: 'https://quickchart.internal/chart?api_key=k3yk3yk3y&c=1',
      respond: 'https://hooks.slack.com/commands/T0SANDBOX/123456/AbCdEfGhIjKlMnOp',
      basic: 'Basic dXNlcjpodW50ZXIyaHVudGVyMg==',
    });
    for (const secret of [
      '9999999999-8888888888',
      'Mi0yLTEx',
      'My0xLTEx',
      's3cr3t-redis',
      'hunter2hunter2',
      'k3yk3yk3y',
      'AbCdEfGhIjKlMnOp',
      'dXNlcjpodW50ZXIy',
    ]) {
      expect(text()).not.toContain(secret);
    }
  });

  it('never throw, and keep one event on one line', () => {
    const { logger, lines } = capture(format);
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(() =>
      logger.info('odd values\nINFO forged second line', {
        loop,
        big: 10n ** 30n,
        fn: () => 1,
        huge: 'x'.repeat(100_000),
        when: new Date('nope'),
      }),
    ).not.toThrow();
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThan(10_000);
    if (format === 'json')
      expect(JSON.parse(lines[0]!)).toMatchObject({
        level: 'info',
        msg: 'odd values\\nINFO forged second line',
        big: '1000000000000000000000000000000',
      });
  });
});

describe('request and job ids', () => {
  it('every line written inside a request carries its id, across awaits, and only there', async () => {
    const { logger, lines } = capture('json');
    await withLogContext({ requestId: 'req-0000abcd' }, async () => {
      logger.info('before');
      await new Promise((r) => setTimeout(r, 5));
      logger.child({ source: 'bolt' }).warn('after');
    });
    logger.info('outside');
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((p) => p.requestId)).toEqual(['req-0000abcd', 'req-0000abcd', undefined]);
  });
});

describe('through Bolt and the running app', () => {
  it("Bolt's own log calls are masked too", () => {
    const { logger, text } = capture('json');
    boltLogger(logger).warn('incoming', {
      token: ENV.SLACK_BOT_TOKEN,
      response_url: 'https://hooks.slack.com/actions/T0/1/SeCrEtPaRt',
    });
    expect(leaks(text())).toEqual([]);
    expect(text()).not.toContain('SeCrEtPaRt');
  });

  it('a request and a scheduled run at debug level log neither the bot token nor the signing secret', async () => {
    const db = await createTestDatabase();
    const lines: string[] = [];
    const stack = await startLocalStack({
      db,
      now: '2026-11-02T15:30:00Z',
      logger: createLogger({ format: 'json', level: 'debug', write: (l) => lines.push(l), secrets: ['xoxb-sandbox'] }),
    });
    try {
      await stack.driver.slashCommand({ command: '/stat', text: 'submit WATER', userId: 'U0DPWLIA1' });
      await stack.runDue();
      const logged = lines.join('\n');
      expect(lines.length).toBeGreaterThan(0);
      expect(logged).not.toContain('xoxb-sandbox');
      expect(logged).not.toContain(stack.sandbox.signingSecret);
      expect(redact(`token ${ENV.SLACK_BOT_TOKEN}`)).not.toContain(ENV.SLACK_BOT_TOKEN);
    } finally {
      await stack.close();
      await db.close();
    }
  }, 90_000); // a database, a program import and a bot start: 20–25 s on a loaded 2-core machine
});
