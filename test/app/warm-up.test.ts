// The start-up warm-up (src/app/warm-up.ts): it runs the real services on a seeded database yet
// leaves every row as it was and sends nothing to Slack, and an empty or broken database only
// makes it log: the app still starts.
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startSlackSandbox } from '../../local-stack/slack-sandbox/index.js';
import { createTestDatabase } from '../../local-stack/test-db.js';
import { createApp } from '../../src/app/create-app.js';
import { startApp } from '../../src/app/start-app.js';
import { warmRequestPath } from '../../src/app/warm-request-path.js';
import { warmUp } from '../../src/app/warm-up.js';
import type { Db } from '../../src/infra/db-types.js';
import { MAX_WAIT_MS } from '../../src/infra/unanswered-requests.js';
import { recordingLogger } from '../helpers/recording-logger.js';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

const stack = useLocalStack({ now: '2026-11-12T15:30:00Z' }, async (s) => {
  await s.runDue();
  await slashReply(s, 'followup <@U0WATHEAD|grace> review the main-break spike by 2026-12-01', 'U0CHAIR01');
});

/** Every table's row count and a hash of its rows: any insert, update or delete changes it. */
async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: number; h: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${name}" t`,
    );
    out[name] = `${row!.n}:${row!.h}`;
  }
  return out;
}

describe('warm-up at start', () => {
  it('runs every step on a seeded database, writes no row and sends nothing to Slack', async () => {
    const s = stack();
    // A month on: planning meetings and notices, and the form's period row, would all write.
    const deps = { ...s.deps, clock: { now: () => new Date('2026-12-14T15:00:00Z') } };
    const before = await snapshot(s.db.prisma);
    const calls = s.sandbox.calls.length;
    const report = await warmUp(deps);
    expect(report.failed).toEqual([]);
    expect(report.warmed).toHaveLength(4);
    expect(await snapshot(s.db.prisma)).toEqual(before);
    expect(s.sandbox.calls.length).toBe(calls);
  });

  it('starts the app on an empty database, logging what it could not warm', async () => {
    const s = stack();
    const db = await createTestDatabase();
    const { logger, lines } = recordingLogger();
    const deps = { prisma: db.prisma, clock: s.clock, logger, charts: { renderer: 'local' as const } };
    const slack = { botToken: 'xoxb-sandbox', mode: 'http' as const, port: 0, apiUrl: s.sandbox.apiUrl };
    const app = createApp({ ...slack, signingSecret: s.sandbox.signingSecret }, deps);
    try {
      const server = (await startApp(app, deps, { port: 0, host: '127.0.0.1' })) as Server;
      expect(server.listening).toBe(true);
      const warned = lines.find((l) => l.level === 'warn' && l.msg.startsWith('warm-up'));
      expect(warned?.fields?.failed).toContainEqual(expect.objectContaining({ step: 'agenda (/stat agenda)' }));
    } finally {
      await app.stop();
      await db.close();
    }
  });

  it('starts the app when the database is gone', async () => {
    const s = stack();
    const db = await createTestDatabase();
    await db.close();
    const { logger, lines } = recordingLogger();
    const deps = { prisma: db.prisma, clock: s.clock, logger, charts: { renderer: 'local' as const } };
    const report = await warmUp(deps);
    expect(report.warmed).toEqual([]);
    expect(report.failed).toHaveLength(4);
    expect(lines.some((l) => l.level === 'warn')).toBe(true);
  });
});

describe('warm-up of the request path', () => {
  it('has every request acked by the app itself, and sends nothing to Slack', async () => {
    const s = stack();
    const calls = s.sandbox.calls.length;
    const responses = s.sandbox.responses().length;
    const report = await warmRequestPath(s.app, s.deps);
    await sleep(MAX_WAIT_MS + 300); // work queued after an ack would have started and called Slack by now
    expect(report.sent).toBe(60);
    expect(report.acked).toBe(report.sent);
    expect(s.sandbox.calls.length).toBe(calls);
    expect(s.sandbox.responses().length).toBe(responses);
  });
});

describe('warm-up of the request path, when the app cannot answer', () => {
  it('stops after one round and says why', async () => {
    const s = stack();
    // A workspace that refuses the bot's token: Bolt's auth.test fails, so no listener runs.
    const slackSide = await startSlackSandbox({ botToken: 'xoxb-the-real-one' });
    const { logger, lines } = recordingLogger();
    const deps = { ...s.deps, logger };
    const slack = { botToken: 'xoxb-revoked', mode: 'http' as const, port: 0, apiUrl: slackSide.apiUrl };
    const app = createApp({ ...slack, signingSecret: slackSide.signingSecret }, deps);
    try {
      const report = await warmRequestPath(app, deps);
      expect(report.sent).toBe(3);
      const warned = lines.find((l) => l.level === 'warn' && l.msg.startsWith('warm-up: the request path'));
      expect(warned?.fields?.reason).toBe('the app did not answer /stat help itself');
    } finally {
      await slackSide.close();
    }
  });
});
