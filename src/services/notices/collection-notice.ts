// Turns a claimed collection notice into the DM to send — or says why it should not go out any
// more (the department has submitted; a "due in 2 days" after the due date makes no sense).

import { formatDay, formatPeriodLabel, isStepStillRelevant } from '../../domain/calendar/index.js';
import type { Db } from '../../infra/db-types.js';
import type { MessageContent } from '../../infra/slack/send-dm.js';
import { buildCollectionReminder } from '../../views/collection-reminder.js';
import type { ClaimedNotice } from './claim-notices.js';
import { collectionPayloadSchema } from './plan-collection.js';

export type NoticeDecision = { send: true; content: MessageContent } | { send: false; reason: string };

export async function decideCollectionNotice(db: Db, notice: ClaimedNotice, now: Date): Promise<NoticeDecision> {
  const parsed = collectionPayloadSchema.safeParse(notice.payload);
  if (!parsed.success) return { send: false, reason: 'malformed payload' };
  const p = parsed.data;
  const obligation = await db.departmentPeriod.findUnique({
    where: { departmentId_period: { departmentId: p.departmentId, period: p.period } },
    include: { department: true },
  });
  if (!obligation?.department.active) return { send: false, reason: 'department no longer active' };
  if (obligation.submittedAt) return { send: false, reason: 'already submitted' };
  // Once the packet is posted the period is locked: a reminder would offer a form that refuses.
  if (obligation.lockedAt) return { send: false, reason: 'period locked' };
  if (!isStepStillRelevant({ expiresAt: p.expiresAt ? new Date(p.expiresAt) : null }, now))
    return { send: false, reason: 'stale: no longer makes sense' };
  const quarterly = p.period.includes('Q');
  const metrics = await db.metric.findMany({
    where: { departmentId: p.departmentId, active: true, frequency: quarterly ? 'quarterly' : 'monthly' },
    include: { values: { where: { period: p.period } }, pulls: { where: { period: p.period, status: 'ok' } } },
  });
  const missing = metrics.filter((m) => m.values.length === 0).length;
  if (metrics.length > 0 && missing === 0) return { send: false, reason: 'already submitted' };
  return {
    send: true,
    content: buildCollectionReminder({
      step: p.step,
      departmentId: p.departmentId,
      departmentName: obligation.department.name,
      period: p.period,
      periodLabel: formatPeriodLabel(p.period),
      dueLabel: formatDay(obligation.dueDate),
      businessDaysLate: p.businessDaysLate,
      missingMetrics: missing,
      totalMetrics: metrics.length,
      allPulled: metrics.length > 0 && missing === metrics.length && metrics.every((m) => m.pulls.length > 0),
    }),
  };
}
