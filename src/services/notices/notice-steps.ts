// A notice that is more than one Slack call (a packet: pages, each chart, the chair's briefing; a
// meeting record: pages, each owner's DM) is delivered step by step. Each step is recorded in
// NoticeStep (unique on notice + step key) as soon as Slack has accepted it, so a run that stops —
// gracefully or killed — leaves the next run exactly the steps not yet done. Before each step the
// notice's lease is renewed (as for a single DM), so only the worker holding it takes steps, and
// a stop requested between steps hands the notice back instead of starting the next one.
// Each step's message carries `<notice key>#<step key>` in its metadata; a notice taken over from a
// sender that died mid-step first looks for that step's message in Slack (findEarlier) and records
// it instead of posting it again. Only the first step a run calls can have been in flight.
import type { PrismaClient } from '../../infra/db-types.js';
import type { SlackFailure } from '../../infra/slack/slack-errors.js';
import type { OutgoingMessage, PostedMessage, SlackGateway, SlackOutcome } from '../../infra/slack/slack-gateway.js';

export interface StepRecord {
  channel: string | null;
  ts: string | null;
  /** Set when the step was given up for good; it is not tried again. */
  error: string | null;
}

/** Where a step posts: a channel or user id, or a thread. `unmarked`: a file upload, which cannot carry metadata. */
export type StepTarget = string | { channel: string; threadTs?: string; unmarked?: true };

export type StepResult = { ok: true; channel: string | null; ts: string | null } | { ok: false; failure: SlackFailure };

/** Thrown between steps when the process is shutting down: the notice is handed back, due now. */
export class StopRequested extends Error {}
/** Thrown when the lease was lost to another worker: that worker finishes the notice. */
export class LeaseLost extends Error {}

export interface StepRunner {
  readonly now: Date;
  done(key: string): StepRecord | undefined;
  /**
   * Runs the step unless it is done already: waits for the pacer, renews the lease, calls Slack,
   * records the step on success. A failure is returned, not recorded: the caller retries the
   * notice later, or gives the step up with `giveUp`.
   */
  run(
    key: string,
    target: StepTarget,
    /** `tag` goes into the message's metadata (`noticeKey` of postMessage). */
    call: (tag: string) => Promise<SlackOutcome<{ channel?: string; ts?: string }>>,
  ): Promise<StepResult>;
  giveUp(key: string, failure: SlackFailure): Promise<void>;
}

export interface StepRunnerDeps {
  prisma: PrismaClient;
  now: Date;
  noticeId: number;
  noticeKey: string;
  stopping: () => boolean;
  /** Waits for Slack's pacing, then renews the lease; false when another worker holds the notice. */
  beforeCall: (channel: string) => Promise<boolean>;
  /** Slack accepted a step but the database could not record it: keep it for the next run. */
  onUnrecorded: (key: string, record: StepRecord, err: unknown) => void;
  /**
   * Set when an earlier attempt may have posted a step unrecorded: finds that step's message by
   * its tag (null when not there, or when the check could not be made).
   */
  findEarlier?: (where: { channel: string; threadTs?: string }, tag: string) => Promise<PostedMessage | null>;
}

export async function loadDoneSteps(prisma: PrismaClient, noticeId: number): Promise<Map<string, StepRecord>> {
  const rows = await prisma.noticeStep.findMany({ where: { noticeId } });
  return new Map(rows.map((r) => [r.key, { channel: r.slackChannel, ts: r.slackTs, error: r.error }]));
}

export async function recordStep(
  prisma: PrismaClient,
  noticeId: number,
  key: string,
  record: StepRecord,
  at: Date,
): Promise<void> {
  // skipDuplicates: a step recorded twice (a late recording after a takeover) stays one row.
  await prisma.noticeStep.createMany({
    data: [{ noticeId, key, doneAt: at, slackChannel: record.channel, slackTs: record.ts, error: record.error }],
    skipDuplicates: true,
  });
}

export async function createStepRunner(deps: StepRunnerDeps): Promise<StepRunner> {
  const done = await loadDoneSteps(deps.prisma, deps.noticeId);
  const save = async (key: string, record: StepRecord) => {
    done.set(key, record);
    try {
      await recordStep(deps.prisma, deps.noticeId, key, record, deps.now);
    } catch (err) {
      deps.onUnrecorded(key, record, err);
      throw err;
    }
  };
  let findFirst = deps.findEarlier;
  return {
    now: deps.now,
    done: (key) => done.get(key),
    async run(key, target, call) {
      const earlier = done.get(key);
      if (earlier) return { ok: true, channel: earlier.channel, ts: earlier.ts };
      if (deps.stopping()) throw new StopRequested(`stopping before step ${key}`);
      const where = typeof target === 'string' ? { channel: target } : target;
      if (!(await deps.beforeCall(where.channel))) throw new LeaseLost(`lease lost before step ${key}`);
      const tag = `${deps.noticeKey}#${key}`;
      const find = findFirst;
      findFirst = undefined;
      const found = find && !('unmarked' in where) ? await find(where, tag) : null;
      if (found) {
        await save(key, { channel: found.channel, ts: found.ts, error: null });
        return { ok: true, channel: found.channel, ts: found.ts };
      }
      const res = await call(tag);
      if (!res.ok) return res;
      const record = { channel: res.channel ?? null, ts: res.ts ?? null, error: null };
      await save(key, record);
      return { ok: true, channel: record.channel, ts: record.ts };
    },
    async giveUp(key, failure) {
      await save(key, { channel: null, ts: null, error: failure.code.slice(0, 200) });
    },
  };
}

/** Steps with no notice behind them (a benchmark, a one-off post): every step runs, remembered in memory. */
export function createOneShotSteps(now: Date): StepRunner {
  const done = new Map<string, StepRecord>();
  return {
    now,
    done: (key) => done.get(key),
    async run(key, _target, call) {
      const earlier = done.get(key);
      if (earlier) return { ok: true, channel: earlier.channel, ts: earlier.ts };
      const res = await call(key);
      if (!res.ok) return res;
      const record = { channel: res.channel ?? null, ts: res.ts ?? null, error: null };
      done.set(key, record);
      return { ok: true, ...record };
    },
    async giveUp(key, failure) {
      done.set(key, { channel: null, ts: null, error: failure.code });
    },
  };
}

/**
 * Posts the pages after the first in the first page's thread, one recorded step each
 * (`page:1`, `page:2`, …). Returns the failure to retry the notice on, or null when every page is
 * posted or given up for good.
 */
export async function postThreadPages(
  steps: StepRunner,
  slack: SlackGateway,
  thread: { channel: string; ts: string },
  pages: OutgoingMessage[],
): Promise<SlackFailure | null> {
  for (const [i, page] of pages.entries()) {
    if (i === 0) continue;
    const r = await steps.run(`page:${i}`, { channel: thread.channel, threadTs: thread.ts }, (tag) =>
      slack.postMessage({ channel: thread.channel, message: page, threadTs: thread.ts, noticeKey: tag }),
    );
    if (!r.ok && r.failure.retry) return r.failure;
    if (!r.ok) await steps.giveUp(`page:${i}`, r.failure);
  }
  return null;
}
