// Sends claimed notices one at a time through the pacer, so that across replicas and restarts each
// goes out once (docs/reliability.md):
// - a claim holds a lease; right before each Slack call the lease is renewed, and a notice another
//   replica has taken over (because this one was slower than the lease) is left to that replica;
// - the Slack message (channel, ts) is recorded as the row is marked sent; a send that was never
//   recorded (a crash, the database away) is found or recorded later, not resent (sent-records.ts).
// Recipient problems (bot not in channel…) fail at once and an admin is told once; other Slack
// failures are retried with exponential backoff, or after Slack's Retry-After, up to MAX_ATTEMPTS.
// A notice of several Slack calls (packet, meeting record) goes step by step (notice-steps.ts):
// each step is recorded once done, so a stopped or killed run leaves the rest to the next one.
import { randomBytes } from 'node:crypto';
import { toDatabaseUnavailable } from '../../infra/db-errors.js';
import type { PrismaClient } from '../../infra/db-types.js';
import { type Logger, withLogContext } from '../../infra/logger.js';
import type { Pacer } from '../../infra/slack/pacer.js';
import type { SlackFailure } from '../../infra/slack/slack-errors.js';
import type { OutgoingMessage, SlackGateway } from '../../infra/slack/slack-gateway.js';
import { outsideRecipientHours } from '../people/recipient-hours.js';
import { loadProgramSettings, type ProgramSettings } from '../program-settings.js';
import {
  type ClaimedNotice,
  claimDueNotices,
  handBack,
  markFailed,
  markSent,
  markSkipped,
  release,
  renewLease,
} from './claim-notices.js';
import { decideCollectionNotice } from './collection-notice.js';
import { decideFollowUpNotice } from './followup-notice.js';
import { decideFollowUpPausedNotice, FOLLOWUP_PAUSED_KIND } from './followup-paused-notice.js';
import type { DeliveryViews, NoticeDecision } from './notice-model.js';
import { createStepRunner, LeaseLost, type StepRunner, StopRequested } from './notice-steps.js';
import { reportDeliveryProblem } from './report-delivery-problem.js';
import { findEarlierSend, recordEarlierSends, recordSent, rememberUnrecordedStep } from './sent-records.js';

export interface DeliveryDeps {
  prisma: PrismaClient;
  slack: SlackGateway;
  /** Renders what a notice says (the job layer passes the view builders). */
  views: DeliveryViews;
  logger: Logger;
  pacer: Pacer;
  workerId: string;
  /** How long a claim holds before another replica may take the notice over. Default 5 minutes. */
  leaseMs?: number;
  /** Shutting down: stop between two notices and hand the rest of the batch back at once. */
  signal?: AbortSignal;
}

export interface DeliveryReport {
  sent: number;
  skipped: number;
  deferred: number;
  failed: number;
}

const MAX_ATTEMPTS = 5;
const LEASE_MS = 5 * 60_000;
const BATCH = 50;

type Decide = (notice: ClaimedNotice, now: Date) => Promise<NoticeDecision>;

/** A recipient a multi-step notice could not reach (an owner's DM…): an admin is told once. */
export interface RecipientProblem {
  recipient: string;
  failure: SlackFailure;
}

export type MultiStepOutcome =
  | { status: 'sent'; channel: string; ts: string; detail: string; problems?: RecipientProblem[] }
  | { status: 'skipped'; detail: string }
  /** Will not work however often it is tried (the person who must fix it has been told). */
  | { status: 'failed'; detail: string }
  /** A step failed in a way worth retrying: the notice is retried later, from that step. */
  | { status: 'retry'; failure: SlackFailure }
  /** Not now but then (outside its recipient's working hours): tried again at `until`. */
  | { status: 'deferred'; until: Date; detail: string };

/**
 * A notice that is more than one Slack call (a packet, a meeting record) is delivered by its own
 * service, one step at a time through `steps`, and says how it went.
 */
export type MultiStepSender = (
  notice: ClaimedNotice,
  steps: StepRunner,
  /** The run's program settings, read once per run. */
  settings: ProgramSettings,
) => Promise<MultiStepOutcome>;

interface Run {
  deps: DeliveryDeps;
  now: Date;
  /** `now` moved on by the time this run has taken: leases are measured against it. */
  clock: () => Date;
  leaseMs: number;
  /** Read once per run, for every notice it delivers. */
  settings: ProgramSettings;
  report: DeliveryReport;
}

export async function deliverDueNotices(
  deps: DeliveryDeps,
  now: Date,
  senders: Record<string, MultiStepSender> = {},
): Promise<DeliveryReport> {
  return withLogContext({ jobId: `job-${randomBytes(4).toString('hex')}`, workerId: deps.workerId }, async () => {
    const started = performance.now();
    await recordEarlierSends(deps);
    const settings = await loadProgramSettings(deps.prisma);
    const run: Run = {
      deps,
      now,
      clock: () => new Date(now.getTime() + Math.round(performance.now() - started)),
      leaseMs: deps.leaseMs ?? LEASE_MS,
      settings,
      report: { sent: 0, skipped: 0, deferred: 0, failed: 0 },
    };
    for (;;) {
      if (deps.signal?.aborted) return run.report;
      const batch = await claimDueNotices(deps.prisma, {
        now: run.clock(),
        workerId: deps.workerId,
        limit: BATCH,
        leaseMs: run.leaseMs,
      });
      if (batch.length === 0) return run.report;
      for (const [i, notice] of batch.entries()) {
        if (deps.signal?.aborted) return handBackBatch(run, batch.slice(i));
        await deliverOne(run, notice, senders);
      }
    }
  });
}

async function deliverOne(run: Run, notice: ClaimedNotice, senders: Record<string, MultiStepSender>): Promise<void> {
  const { deps, now, report, settings } = run;
  // The one working-hours check. Everything waits for working hours, packets and meeting records
  // included: a catch-up after downtime must not DM people on a Saturday. A DM waits for its final
  // recipient's own hours (their tz): routing (route-nag, route-collection) sends only to the planned
  // recipient or, while they are away, to their delegate if present, and outsideRecipientHours
  // takes that same delegate's hours, so no decider or sender checks again. It is made before
  // deciding, not after, on purpose: deciding a collection DM claims its ladder step, which makes
  // the step's other notices stand down, and a multi-step sender (weekly) routes and sends in one go.
  const later = await outsideRecipientHours(deps.prisma, notice.recipient, now, settings.calendar);
  if (later) {
    await release(deps.prisma, notice.id, deps.workerId, later);
    report.deferred++;
    return;
  }
  const multiStep = senders[notice.kind];
  if (multiStep) return sendSteps(run, multiStep, notice);
  let decision: NoticeDecision;
  try {
    decision = await defaultDecider(deps, notice.kind, settings)(notice, now);
  } catch (err) {
    // One notice with bad data must not stall the rest; without the database, nothing can go on.
    if (toDatabaseUnavailable(err)) throw err;
    deps.logger.error('could not prepare a notice', { key: notice.key, err });
    return retryOrFail(run, notice, {
      retry: true,
      code: `prepare_failed: ${err instanceof Error ? err.message.slice(0, 150) : 'error'}`,
    });
  }
  if (!decision.send && decision.deferUntil) {
    const { deferUntil, followOn } = decision;
    if (!followOn) await release(deps.prisma, notice.id, deps.workerId, deferUntil);
    else
      await deps.prisma.$transaction(async (tx) => {
        await tx.scheduledNotice.createMany({ data: [followOn], skipDuplicates: true });
        await release(tx, notice.id, deps.workerId, deferUntil);
      });
    report.deferred++;
    return;
  }
  if (!decision.send) {
    await markSkipped(deps.prisma, notice.id, deps.workerId, decision.reason);
    report.skipped++;
    return;
  }
  await sendOne(run, notice, deps.views.notice(decision.model), decision.to);
}

async function sendOne(run: Run, notice: ClaimedNotice, message: OutgoingMessage, to?: string): Promise<void> {
  const { deps } = run;
  const channel = to ?? notice.recipient;
  await deps.pacer.wait(channel);
  if (!(await holdLease(run, notice))) return;
  // Looked for where it would have gone: a delegate's DM when the notice is routed to one.
  const earlier = await findEarlierSend(deps, notice, { channel }, notice.key);
  if (earlier) {
    await recordSent(deps, notice, run.now, earlier);
    run.report.sent++;
    return;
  }
  const res = await deps.slack.postMessage({ channel, message, noticeKey: notice.key });
  if (!res.ok) return retryOrFail(run, notice, res.failure);
  await recordSent(deps, notice, run.now, { channel: res.channel, ts: res.ts });
  run.report.sent++;
}

async function sendSteps(run: Run, sender: MultiStepSender, notice: ClaimedNotice): Promise<void> {
  const { deps, now, report } = run;
  let outcome: MultiStepOutcome;
  try {
    const steps = await createStepRunner({
      prisma: deps.prisma,
      now,
      noticeId: notice.id,
      noticeKey: notice.key,
      ...(notice.attemptedAt ? { findEarlier: (where, tag) => findEarlierSend(deps, notice, where, tag) } : {}),
      stopping: () => deps.signal?.aborted === true,
      beforeCall: async (channel) => {
        await deps.pacer.wait(channel);
        return holdLease(run, notice);
      },
      onUnrecorded: (key, record, err) => rememberUnrecordedStep(deps, notice, { key, record, at: now, err }),
    });
    outcome = await sender(notice, steps, run.settings);
  } catch (err) {
    if (err instanceof LeaseLost) return;
    if (err instanceof StopRequested) {
      // Steps done so far are recorded; the rest is for whoever runs next, at once.
      await handBack(deps.prisma, notice.id, deps.workerId, notice.sendAt);
      deps.logger.info('stopping: a multi-step notice handed back between steps', { key: notice.key });
      report.deferred++;
      return;
    }
    if (toDatabaseUnavailable(err)) throw err;
    deps.logger.error('scheduled post failed; it will be retried from the step it reached', { key: notice.key, err });
    await release(
      deps.prisma,
      notice.id,
      deps.workerId,
      new Date(now.getTime() + 5 * 60_000),
      err instanceof Error ? err.message.slice(0, 200) : 'error',
    );
    report.deferred++;
    return;
  }
  if (outcome.status === 'retry') return retryOrFail(run, notice, outcome.failure);
  if (outcome.status === 'deferred') {
    await release(deps.prisma, notice.id, deps.workerId, outcome.until);
    report.deferred++;
    return;
  }
  if (outcome.status === 'sent') {
    await markSent(deps.prisma, notice.id, deps.workerId, now, { channel: outcome.channel, ts: outcome.ts });
    report.sent++;
    for (const p of outcome.problems ?? [])
      if (p.failure.recipientProblem)
        await reportDeliveryProblem(deps, { recipient: p.recipient, code: p.failure.code, kind: notice.kind }, now);
  } else if (outcome.status === 'skipped') {
    await markSkipped(deps.prisma, notice.id, deps.workerId, outcome.detail);
    report.skipped++;
  } else {
    await markFailed(deps.prisma, notice.id, deps.workerId, outcome.detail);
    report.failed++;
  }
}

/** Unsent claims go back as they were, due now, so another replica need not wait for the lease. */
async function handBackBatch(run: Run, notices: ClaimedNotice[]): Promise<DeliveryReport> {
  for (const n of notices) await handBack(run.deps.prisma, n.id, run.deps.workerId, n.sendAt);
  run.deps.logger.info('stopping: unsent notices handed back', { count: notices.length });
  run.report.deferred += notices.length;
  return run.report;
}

/** True while this worker still holds the notice, now for another full lease. */
async function holdLease(run: Run, notice: ClaimedNotice): Promise<boolean> {
  const at = run.clock();
  const held = await renewLease(run.deps.prisma, notice.id, run.deps.workerId, {
    at,
    until: new Date(at.getTime() + run.leaseMs),
  });
  if (!held) run.deps.logger.info('another replica took this notice over; leaving it to them', { key: notice.key });
  return held;
}

async function retryOrFail(run: Run, notice: ClaimedNotice, failure: SlackFailure): Promise<void> {
  const { deps, now, report } = run;
  if (failure.retry && notice.attempts < MAX_ATTEMPTS) {
    const wait = Math.max(2 ** notice.attempts * 60_000, failure.retryAfterMs ?? 0);
    await release(deps.prisma, notice.id, deps.workerId, new Date(now.getTime() + wait), failure.code);
    report.deferred++;
    return;
  }
  deps.logger.warn('notice could not be delivered', {
    key: notice.key,
    error: failure.code,
    attempts: notice.attempts,
  });
  await markFailed(deps.prisma, notice.id, deps.workerId, failure.code);
  report.failed++;
  if (failure.recipientProblem)
    await reportDeliveryProblem(deps, { recipient: notice.recipient, code: failure.code, kind: notice.kind }, now);
}

function defaultDecider(deps: DeliveryDeps, kind: string, settings: ProgramSettings): Decide {
  if (kind === FOLLOWUP_PAUSED_KIND) return (n, t) => decideFollowUpPausedNotice(deps.prisma, n, t, settings);
  if (kind.startsWith('followup_')) return (n, t) => decideFollowUpNotice(deps.prisma, n, t, settings);
  if (kind.startsWith('collect_')) return (n, t) => decideCollectionNotice(deps.prisma, n, t, settings);
  return async () => ({ send: false, reason: `no sender for notice kind ${kind}` });
}
