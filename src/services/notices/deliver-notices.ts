// Sends claimed notices, one at a time through the pacer. The Slack message ts is recorded as the
// row is marked sent; the one unavoidable window is a crash between Slack accepting the message
// and that update (a few milliseconds), documented in docs/reliability.md.
import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import { nextWorkingInstant, isWithinWorkingHours } from '../../domain/calendar/index.js';
import { loadProgramSettings } from '../program-settings.js';
import { toSlackBlocks } from '../../infra/slack/blocks.js';
import { classifySlackError } from '../../infra/slack/slack-errors.js';
import type { Pacer } from '../../infra/slack/pacer.js';
import { claimDueNotices, markSent, markSkipped, release, markFailed, type ClaimedNotice } from './claim-notices.js';
import { decideCollectionNotice, type NoticeDecision } from './collection-notice.js';
import { decideFollowUpNotice } from './followup-notice.js';

export interface DeliveryDeps {
  prisma: PrismaClient;
  client: WebClient;
  logger: Logger;
  pacer: Pacer;
  workerId: string;
}

export interface DeliveryReport {
  sent: number;
  skipped: number;
  deferred: number;
  failed: number;
}

const MAX_ATTEMPTS = 5;
const LEASE_MS = 5 * 60_000;

type Decide = (notice: ClaimedNotice, now: Date) => Promise<NoticeDecision>;

/**
 * A notice that is more than one DM (a packet, a meeting record) is delivered by its own service,
 * which is idempotent on its own terms (e.g. Meeting.packetTs) and says how it went.
 */
export type SpecialSender = (notice: ClaimedNotice, now: Date) => Promise<{ status: 'sent' | 'skipped' | 'failed'; detail: string; ts?: string; channel?: string }>;

export async function deliverDueNotices(deps: DeliveryDeps, now: Date, senders: Record<string, SpecialSender> = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, skipped: 0, deferred: 0, failed: 0 };
  const settings = await loadProgramSettings(deps.prisma);
  for (;;) {
    const batch = await claimDueNotices(deps.prisma, { now, workerId: deps.workerId, limit: 50, leaseMs: LEASE_MS });
    if (batch.length === 0) return report;
    for (const notice of batch) {
      // Everything waits for working hours, packets and meeting records included: a catch-up after
      // downtime must not DM people on a Saturday.
      if (!isWithinWorkingHours(now, settings.calendar)) {
        await release(deps.prisma, notice.id, deps.workerId, nextWorkingInstant(now, settings.calendar));
        report.deferred++;
        continue;
      }
      const special = senders[notice.kind];
      if (special) {
        await sendSpecial(deps, special, notice, now, report);
        continue;
      }
      const decide: Decide = defaultDecider(deps, notice.kind);
      const decision = await decide(notice, now);
      if (!decision.send) {
        await markSkipped(deps.prisma, notice.id, deps.workerId, decision.reason);
        report.skipped++;
        continue;
      }
      await sendOne(deps, notice, decision.content, now, report);
    }
  }
}

async function sendSpecial(deps: DeliveryDeps, sender: SpecialSender, notice: ClaimedNotice, now: Date, report: DeliveryReport) {
  try {
    const r = await sender(notice, now);
    if (r.status === 'sent') await markSent(deps.prisma, notice.id, deps.workerId, now, { channel: r.channel ?? notice.recipient, ts: r.ts ?? '' });
    else if (r.status === 'skipped') await markSkipped(deps.prisma, notice.id, deps.workerId, r.detail);
    else await markFailed(deps.prisma, notice.id, deps.workerId, r.detail);
    report[r.status === 'sent' ? 'sent' : r.status === 'skipped' ? 'skipped' : 'failed']++;
  } catch (err) {
    deps.logger.error('scheduled post failed; it will be retried', { key: notice.key, err });
    await release(deps.prisma, notice.id, deps.workerId, new Date(now.getTime() + 5 * 60_000), err instanceof Error ? err.message.slice(0, 200) : 'error');
    report.deferred++;
  }
}

function defaultDecider(deps: DeliveryDeps, kind: string): Decide {
  if (kind.startsWith('followup_')) return (n, t) => decideFollowUpNotice(deps.prisma, n, t);
  if (kind.startsWith('collect_')) return (n, t) => decideCollectionNotice(deps.prisma, n, t);
  return async () => ({ send: false, reason: `no sender for notice kind ${kind}` });
}

async function sendOne(deps: DeliveryDeps, notice: ClaimedNotice, content: { text: string; blocks: object[] }, now: Date, report: DeliveryReport) {
  try {
    await deps.pacer.wait(notice.recipient);
    const res = await deps.client.chat.postMessage({ channel: notice.recipient, text: content.text, blocks: toSlackBlocks(content.blocks) });
    await markSent(deps.prisma, notice.id, deps.workerId, now, { channel: String(res.channel), ts: String(res.ts) });
    report.sent++;
  } catch (err) {
    const kind = classifySlackError(err);
    if (kind.retry && notice.attempts < MAX_ATTEMPTS) {
      await release(deps.prisma, notice.id, deps.workerId, new Date(now.getTime() + 2 ** notice.attempts * 60_000), kind.code);
      report.deferred++;
    } else {
      deps.logger.warn('notice could not be delivered', { key: notice.key, error: kind.code });
      await markFailed(deps.prisma, notice.id, deps.workerId, kind.code);
      report.failed++;
    }
  }
}
