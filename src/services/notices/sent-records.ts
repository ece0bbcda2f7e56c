// Was this notice already sent? Delivery's bookkeeping of what Slack accepted (docs/reliability.md):
// - a notice (or step) is marked sent with its Slack message; if the database is away at that
//   moment, the send is remembered in memory, by worker, and recorded at the start of that worker's
//   next run, before anything is claimed, so a database outage does not resend;
// - a notice claimed again after a crash between Slack accepting it and that record (`attemptedAt`
//   set) is looked for by its key in the conversation's history since the attempt (issue 11), and
//   recorded instead of sent again; if that check cannot be made it says so and it is sent again.
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import type { PostedMessage, SlackGateway } from '../../infra/slack/slack-gateway.js';
import { type ClaimedNotice, markSent } from './claim-notices.js';
import { recordStep, type StepRecord } from './notice-steps.js';

export interface SentRecordDeps {
  prisma: PrismaClient;
  slack: SlackGateway;
  logger: Logger;
  workerId: string;
}

type SlackMessage = { channel: string; ts: string };

/** Sends Slack accepted but the database could not record, by worker (see recordEarlierSends). */
const unrecorded = new Map<string, Map<number, { key: string; message: SlackMessage; at: Date }>>();
/** Steps of multi-step notices Slack accepted but the database could not record, by worker. */
const unrecordedSteps = new Map<string, { noticeId: number; key: string; record: StepRecord; at: Date }[]>();

/**
 * The message an earlier attempt at this notice (or step) posted without recording it, found by its
 * key in the conversation's history since that attempt; null when there was no such attempt, when
 * Slack has no such message, or when the check cannot be made — then it is sent (again) as before.
 */
export async function findEarlierSend(
  deps: Pick<SentRecordDeps, 'slack' | 'logger'>,
  notice: Pick<ClaimedNotice, 'attemptedAt'>,
  where: { channel: string; threadTs?: string },
  tag: string,
): Promise<PostedMessage | null> {
  if (!notice.attemptedAt) return null;
  const { logger, slack } = deps;
  const r = await slack.findPosted({ ...where, noticeKey: tag, since: notice.attemptedAt });
  if (!r.ok) {
    logger.warn('could not check Slack for an earlier attempt at this notice; sending it again, which may duplicate', {
      key: tag,
      error: r.failure.code,
    });
    return null;
  }
  if (r.found)
    logger.info('an earlier attempt had posted this notice; recorded it instead of sending it again', { key: tag });
  return r.found;
}

/** Marks the notice sent; when the database cannot, remembers it for the next run and rethrows. */
export async function recordSent(
  deps: SentRecordDeps,
  notice: Pick<ClaimedNotice, 'id' | 'key'>,
  now: Date,
  message: SlackMessage,
): Promise<void> {
  try {
    const held = await markSent(deps.prisma, notice.id, deps.workerId, now, message);
    if (!held)
      deps.logger.warn('a notice was sent after its lease ran out; another replica may send it too', {
        key: notice.key,
      });
  } catch (err) {
    const mine = unrecorded.get(deps.workerId) ?? new Map();
    unrecorded.set(deps.workerId, mine.set(notice.id, { key: notice.key, message, at: now }));
    deps.logger.error(
      'Slack accepted a notice but the database could not record it; it will be recorded when the database is back',
      { key: notice.key, err },
    );
    throw err;
  }
}

/** A step Slack accepted that the database could not record: recorded at the next run's start. */
export function rememberUnrecordedStep(
  deps: SentRecordDeps,
  notice: Pick<ClaimedNotice, 'id' | 'key'>,
  step: { key: string; record: StepRecord; at: Date; err: unknown },
): void {
  const mine = unrecordedSteps.get(deps.workerId) ?? [];
  unrecordedSteps.set(deps.workerId, [
    ...mine,
    { noticeId: notice.id, key: step.key, record: step.record, at: step.at },
  ]);
  deps.logger.error('Slack accepted a step but the database could not record it; recorded when it is back', {
    key: notice.key,
    step: step.key,
    err: step.err,
  });
}

/** Records, before claiming anything, what an earlier run sent while the database was away. */
export async function recordEarlierSends(deps: SentRecordDeps): Promise<void> {
  const steps = unrecordedSteps.get(deps.workerId) ?? [];
  while (steps.length > 0) {
    const s = steps[0]!;
    await recordStep(deps.prisma, s.noticeId, s.key, s.record, s.at); // still away: this run fails
    steps.shift();
    deps.logger.info('recorded a step sent while the database was away', { step: s.key });
  }
  const mine = unrecorded.get(deps.workerId);
  for (const [id, p] of mine ?? []) {
    const held = await markSent(deps.prisma, id, deps.workerId, p.at, p.message); // still away: this run fails, as it would anyway
    mine!.delete(id);
    if (held) deps.logger.info('recorded a notice sent while the database was away', { key: p.key });
    else
      deps.logger.warn('a notice sent while the database was away had been taken over; it may have gone out twice', {
        key: p.key,
      });
  }
}
