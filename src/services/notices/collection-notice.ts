// Turns a claimed collection notice into what the DM should say (data; the job renders it) — or says why it should not go out any
// more (the department has submitted; a "due in 2 days" after the due date makes no sense).

import { formatDay, formatPeriodLabel, isStepStillRelevant } from '../../domain/calendar/index.js';
import { isCollectedPeriod } from '../../domain/program/starts-with.js';
import type { Db } from '../../infra/db-types.js';
import { loadProgramSettings, type ProgramSettings } from '../program-settings.js';
import type { ClaimedNotice } from './claim-notices.js';
import { collectionFacts } from './collection-facts.js';
import type { NoticeDecision } from './notice-model.js';
import { collectionPayloadSchema } from './plan-collection.js';

/** `settings`: the delivery run's, read once per run rather than once per DM (a fan-out is 1,000 of them). */
export async function decideCollectionNotice(
  db: Db,
  notice: ClaimedNotice,
  now: Date,
  settings?: ProgramSettings,
): Promise<NoticeDecision> {
  const parsed = collectionPayloadSchema.safeParse(notice.payload);
  if (!parsed.success) return { send: false, reason: 'malformed payload' };
  const p = parsed.data;
  const obligation = await db.departmentPeriod.findUnique({
    where: { departmentId_period: { departmentId: p.departmentId, period: p.period } },
    include: { department: true },
  });
  if (!obligation?.department.active) return { send: false, reason: 'department no longer active' };
  if (obligation.submittedAt) return { send: false, reason: 'already submitted' };
  // Planned before a re-import moved the start later: nobody is asked for that period any more.
  if (!isCollectedPeriod(p.period, obligation.department.startsWith))
    return { send: false, reason: 'before the first collected period' };
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
  const facts = await collectionFacts(
    db,
    { departmentKey: obligation.department.key, period: p.period, dueDate: obligation.dueDate },
    settings ?? (await loadProgramSettings(db)),
    now,
    { liaisonMessages: p.step === 'escalation', nextPacket: p.step === 'overdue' },
  );
  return {
    send: true,
    model: {
      kind: 'collection',
      reminder: {
        step: p.step,
        departmentId: p.departmentId,
        departmentName: obligation.department.name,
        period: p.period,
        periodLabel: formatPeriodLabel(p.period),
        dueDate: obligation.dueDate,
        dueWhen: facts.dueWhen,
        businessDaysLate: facts.businessDaysLate,
        liaisonMessages: facts.liaisonMessages.count,
        lastLiaisonMessageLabel: facts.liaisonMessages.lastDay ? formatDay(facts.liaisonMessages.lastDay) : null,
        nextPacket: facts.nextPacket
          ? { meetingName: facts.nextPacket.meetingName, dayLabel: formatDay(facts.nextPacket.meetingDay) }
          : null,
        missingMetrics: missing,
        totalMetrics: metrics.length,
        allPulled: metrics.length > 0 && missing === metrics.length && metrics.every((m) => m.pulls.length > 0),
      },
    },
  };
}
