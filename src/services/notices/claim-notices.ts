// Claims due notices so that two bot processes never send the same one: row locks with
// SKIP LOCKED, and a lease that lets another process take over if this one dies mid-send.
// A worker's own claims left behind by a run that failed (the database went away mid-run) are
// taken back by its next run at once; others wait for the lease. So a workerId belongs to one
// process whose runs never overlap (the scheduler's ticks do not; each CLI run has its own id).
import type { Db, PrismaClient } from '../../infra/db-types.js';

export interface ClaimedNotice {
  id: number;
  key: string;
  kind: string;
  recipient: string;
  sendAt: Date;
  payload: unknown;
  attempts: number;
  /**
   * Set when an earlier attempt renewed its lease to call Slack and never recorded the outcome (its
   * process died mid-send, or the call failed in a way that may still have posted): the message may
   * be in Slack already, so the conversation is checked for its key before anything is sent again.
   */
  attemptedAt: Date | null;
}

export async function claimDueNotices(
  prisma: PrismaClient,
  opts: { now: Date; workerId: string; limit: number; leaseMs: number },
): Promise<ClaimedNotice[]> {
  const leaseUntil = new Date(opts.now.getTime() + opts.leaseMs);
  const claimed = await prisma.$queryRaw<ClaimedNotice[]>`
    UPDATE "ScheduledNotice" SET status = 'claimed', "claimedBy" = ${opts.workerId}, "leaseUntil" = ${leaseUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "ScheduledNotice"
      WHERE "sendAt" <= ${opts.now}
        AND (status = 'pending' OR (status = 'claimed' AND ("leaseUntil" < ${opts.now} OR "claimedBy" = ${opts.workerId})))
      ORDER BY "sendAt", id
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, key, kind, recipient, "sendAt", payload, attempts, "attemptedAt"`;
  // RETURNING comes back in no particular order; send the longest-waiting first.
  return claimed.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || a.id - b.id);
}

/**
 * Extends this worker's lease right before it calls Slack, and notes when (`attemptedAt`). False
 * when the lease ran out and another worker took the notice over: this one must not send it (the
 * row lock orders the two updates, so exactly one of them holds the notice when the message goes out).
 */
export async function renewLease(
  prisma: PrismaClient,
  id: number,
  workerId: string,
  lease: { at: Date; until: Date },
): Promise<boolean> {
  const res = await prisma.scheduledNotice.updateMany({
    where: { id, status: 'claimed', claimedBy: workerId },
    data: { leaseUntil: lease.until, attemptedAt: lease.at },
  });
  return res.count === 1;
}

/** Marks a notice sent with the Slack message it became — only if this worker still holds it. */
export async function markSent(
  prisma: PrismaClient,
  id: number,
  workerId: string,
  at: Date,
  message: { channel: string; ts: string },
): Promise<boolean> {
  const res = await prisma.scheduledNotice.updateMany({
    where: { id, status: 'claimed', claimedBy: workerId },
    data: { status: 'sent', sentAt: at, slackChannel: message.channel, slackTs: message.ts, leaseUntil: null },
  });
  return res.count === 1;
}

export async function markSkipped(prisma: PrismaClient, id: number, workerId: string, reason: string): Promise<void> {
  await prisma.scheduledNotice.updateMany({
    where: { id, claimedBy: workerId, status: 'claimed' },
    data: { status: 'skipped', lastError: reason, leaseUntil: null },
  });
}

/** Puts a notice back for later (outside working hours, or a retryable Slack failure). */
export async function release(prisma: Db, id: number, workerId: string, sendAt: Date, error?: string): Promise<void> {
  await prisma.scheduledNotice.updateMany({
    where: { id, claimedBy: workerId, status: 'claimed' },
    data: { status: 'pending', sendAt, claimedBy: null, leaseUntil: null, lastError: error ?? null },
  });
}

/** Gives a claim back untried (shutting down): due as before, and not counted as an attempt. */
export async function handBack(prisma: PrismaClient, id: number, workerId: string, sendAt: Date): Promise<void> {
  await prisma.scheduledNotice.updateMany({
    where: { id, claimedBy: workerId, status: 'claimed' },
    data: { status: 'pending', sendAt, claimedBy: null, leaseUntil: null, attempts: { decrement: 1 } },
  });
}

export async function markFailed(prisma: PrismaClient, id: number, workerId: string, error: string): Promise<void> {
  await prisma.scheduledNotice.updateMany({
    where: { id, claimedBy: workerId, status: 'claimed' },
    data: { status: 'failed', lastError: error, leaseUntil: null },
  });
}
