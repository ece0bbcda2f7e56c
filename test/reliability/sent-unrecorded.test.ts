// The window Slack leaves open: chat.postMessage has no idempotency key, so a sender that dies after
// Slack stored its DM but before the row is marked sent used to leave that DM to be sent again by
// whoever took the notice over. Every notice's message carries its key in message metadata; the
// next holder looks for it in the conversation's history since the attempt and records it instead
// of resending. When the history cannot be read (a workspace that did not grant the scope), it says
// so in the log and sends again, as before. Runs on PGlite or PostgreSQL.

import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FANOUT_NOW, seedFanout, tallyFanout } from '../../local-stack/fanout-fixture.js';
import { type SlackSandbox, startSlackSandbox } from '../../local-stack/slack-sandbox/index.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { type Logger, silentLogger } from '../../src/infra/logger.js';
import { noPacing } from '../../src/infra/slack/pacer.js';
import { createDeliveryDeps } from '../../src/scheduler/jobs/run-due-jobs.js';
import {
  type DeliveryDeps,
  deliverDueNotices,
  type MultiStepSender,
} from '../../src/services/notices/deliver-notices.js';

const LEASE_MS = 60_000;
const afterLease = new Date(FANOUT_NOW.getTime() + LEASE_MS + 1_000);

/** What a SIGKILL leaves: the process stops dead, right where it was. */
class Killed extends Error {}

let db: TestDatabase;
let sandbox: SlackSandbox;
let warnings: { msg: string; fields?: Record<string, unknown> }[];
const logger: Logger = {
  ...silentLogger,
  warn: (msg, fields) => void warnings.push({ msg, fields }),
  child: () => logger,
};

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  sandbox = await startSlackSandbox();
  warnings = [];
});
afterEach(async () => {
  sandbox.assertNoViolations();
  await sandbox.close();
});

function deps(workerId: string): DeliveryDeps {
  const client = new WebClient('xoxb-test', { slackApiUrl: sandbox.apiUrl, retryConfig: { retries: 0 } });
  return createDeliveryDeps({ prisma: db.prisma, client, logger, pacer: noPacing, workerId, leaseMs: LEASE_MS });
}

/** Replica A: its second DM reaches Slack, then the process "dies" before the row is marked sent. */
async function killedInsideTheWindow(): Promise<void> {
  const a = deps('replica-a');
  let posts = 0;
  const post = a.slack.postMessage.bind(a.slack);
  a.slack = {
    ...a.slack,
    async postMessage(args) {
      const res = await post(args);
      if (++posts === 2) throw new Killed('killed after Slack accepted the DM');
      return res;
    },
  };
  await expect(deliverDueNotices(a, FANOUT_NOW)).rejects.toBeInstanceOf(Killed);
}

describe('a sender killed between Slack accepting a DM and recording it', () => {
  it('the next holder finds the DM in the conversation by its key and marks it sent, without sending it again', async () => {
    const recipients = await seedFanout(db, sandbox, 3);
    await killedInsideTheWindow();
    expect(sandbox.dmsTo(recipients[1]!)).toHaveLength(1);
    expect(sandbox.dmsTo(recipients[1]!)[0]!.metadata).toEqual({
      event_type: 'stat_notice',
      event_payload: { key: 'fanout:2' },
    });

    const b = await deliverDueNotices(deps('replica-b'), afterLease);
    expect(b.sent).toBe(2);
    expect(await tallyFanout(db, sandbox, recipients)).toMatchObject({
      delivered: 3,
      duplicates: 0,
      lost: 0,
      badRows: 0,
    });
    // Only the row A was sending is looked for; the third, claimed but never tried, just goes out.
    expect(sandbox.callsTo('conversations.history')).toHaveLength(1);
    expect(sandbox.callsTo('conversations.history')[0]!.args).toMatchObject({ include_all_metadata: true });
    expect(warnings).toEqual([]);
  });

  it('when the history cannot be read (missing_scope) it says so in the log and sends again, as before', async () => {
    const recipients = await seedFanout(db, sandbox, 3);
    await killedInsideTheWindow();
    sandbox.failNext('conversations.history', { error: 'missing_scope' });

    const b = await deliverDueNotices(deps('replica-b'), afterLease);
    expect(b.sent).toBe(2);
    const tally = await tallyFanout(db, sandbox, recipients);
    expect(tally).toMatchObject({ delivered: 3, duplicates: 1, lost: 0 });
    expect(tally.duplicated).toEqual([recipients[1]]);
    expect(warnings).toEqual([
      {
        msg: 'could not check Slack for an earlier attempt at this notice; sending it again, which may duplicate',
        fields: { key: 'fanout:2', error: 'missing_scope' },
      },
    ]);
  });
});

describe('a multi-step notice killed between Slack accepting a step and recording it', () => {
  const MEETING = 'C0MEETING';
  /** Two steps like a packet's: a page in the channel, then a page in its thread. */
  const twoPages =
    (slack: DeliveryDeps['slack']): MultiStepSender =>
    async (_notice, steps) => {
      const first = await steps.run('page:0', MEETING, (tag) =>
        slack.postMessage({ channel: MEETING, message: { text: 'page 1' }, noticeKey: tag }),
      );
      if (!first.ok) return { status: 'retry', failure: first.failure };
      const thread = { channel: MEETING, threadTs: first.ts! };
      const second = await steps.run('page:1', thread, (tag) =>
        slack.postMessage({ channel: MEETING, message: { text: 'page 2' }, threadTs: first.ts!, noticeKey: tag }),
      );
      if (!second.ok) return { status: 'retry', failure: second.failure };
      return { status: 'sent', channel: MEETING, ts: first.ts!, detail: '2 pages' };
    };

  it('the next run finds the thread step by its key (conversations.replies) and does not post it again', async () => {
    await seedFanout(db, sandbox, 0); // the sample program, and no other notice
    sandbox.addChannel({ id: MEETING, name: 'stat-meeting', members: [], botIsMember: true });
    await db.prisma.scheduledNotice.create({
      data: { key: 'pages:1', kind: 'pages', recipient: MEETING, sendAt: FANOUT_NOW },
    });
    const a = deps('replica-a');
    const post = a.slack.postMessage.bind(a.slack);
    let posts = 0;
    let killed: () => void = () => {};
    const dead = new Promise<void>((resolve) => {
      killed = resolve;
    });
    a.slack = {
      ...a.slack,
      async postMessage(args) {
        const res = await post(args);
        if (++posts < 2) return res;
        killed();
        return new Promise<never>(() => {}); // a killed process never goes on (an error would be caught and retried)
      },
    };
    void deliverDueNotices(a, FANOUT_NOW, { pages: twoPages(a.slack) });
    await dead;

    const b = deps('replica-b');
    expect(await deliverDueNotices(b, afterLease, { pages: twoPages(b.slack) })).toMatchObject({ sent: 1 });
    const inChannel = sandbox.callsTo('chat.postMessage').filter((c) => c.ok);
    expect(inChannel.map((c) => c.args.text)).toEqual(['page 1', 'page 2']);
    expect(sandbox.callsTo('conversations.replies')).toHaveLength(1);
    const messages = sandbox.messagesIn(MEETING).map((m) => m.ts);
    const steps = await db.prisma.noticeStep.findMany({ orderBy: { key: 'asc' } });
    expect(steps.map((s) => [s.key, s.slackTs])).toEqual([
      ['page:0', messages[0]],
      ['page:1', messages[1]],
    ]);
  });
});
