// Turns a claimed collection notice into what the DM should say (data; the job renders it) — or says why it should not go out any
// more (the department has submitted; a "due in 2 days" after the due date makes no sense).
// Who and when (issue 15): the DM goes to the recipient, or their delegate while they are away; it
// waits for that person's own working hours (delivery's one check, before deciding); and one DM per person per ladder step lists every
// department of theirs whose same step is due (see services/people/).

import { formatDay, formatPeriodLabel, frequencyOfPeriod, localDateOf } from '../../domain/calendar/index.js';
import { isCollectedPeriod } from '../../domain/program/starts-with.js';
import type { Db } from '../../infra/db-types.js';
import type { ReminderContent } from '../../views/collection-reminder.js';
import { isWaitingOnData } from '../collection/waiting-on-data.js';
import { claimLadderStep } from '../people/ladder-dm.js';
import { recipientCalendar } from '../people/recipient-hours.js';
import { routeCollectionNotice } from '../people/route-collection.js';
import type { ProgramSettings } from '../program-settings.js';
import type { ClaimedNotice } from './claim-notices.js';
import { collectionFacts } from './collection-facts.js';
import type { NoticeDecision } from './notice-model.js';
import { type CollectionPayload, collectionPayloadSchema } from './plan-collection.js';
import { isNoticeStillRelevant } from './step-relevance.js';

/** `settings`: the delivery run's, read once per run rather than once per DM (a fan-out is 1,000 of them). */
export async function decideCollectionNotice(
  db: Db,
  notice: ClaimedNotice,
  now: Date,
  settings: ProgramSettings,
): Promise<NoticeDecision> {
  const parsed = collectionPayloadSchema.safeParse(notice.payload);
  if (!parsed.success) return { send: false, reason: 'malformed payload' };
  const p = parsed.data;
  const own = await reminderFor(db, notice.recipient, p, now, settings);
  if (!own.ok) return { send: false, reason: own.reason };
  const tz = settings.calendar.timezone;
  const route = await routeCollectionNotice(db, { ...notice, ...p }, now, tz);
  if (route.kind === 'skip') return { send: false, reason: route.reason };
  const claim = await claimLadderStep(db, { key: notice.key, to: route.to, payload: p }, now, tz);
  if (claim.kind === 'covered') return { send: false, reason: `sent in one DM with ${claim.by}` };
  const alsoFor: ReminderContent[] = [];
  const nameOf = async (id: string | null) =>
    id ? ((await db.person.findUnique({ where: { slackUserId: id } }))?.name ?? id) : null;
  for (const other of claim.others) {
    const r = await reminderFor(db, route.to, { ...other, expiresAt: null }, now, settings);
    const forName = await nameOf(other.onBehalfOf);
    if (r.ok) alsoFor.push({ ...r.content, ...(forName ? { onBehalfOf: forName } : {}) });
  }
  const onBehalfOf = await nameOf(route.onBehalfOf);
  // Due days are the program's: say so to someone in another time zone (a liaison in Tokyo).
  const theirs = await recipientCalendar(db, route.to, settings.calendar);
  const dueZone = theirs.timezone !== tz ? (tz.split('/').at(-1) ?? tz).replace(/_/g, ' ') : null;
  return {
    send: true,
    ...(route.to !== notice.recipient ? { to: route.to } : {}),
    model: {
      kind: 'collection',
      reminder: {
        ...own.content,
        ...(alsoFor.length ? { alsoFor } : {}),
        ...(onBehalfOf ? { onBehalfOf } : {}),
        ...(dueZone ? { dueZone, alsoFor: alsoFor.map((a) => ({ ...a, dueZone })) } : {}),
      },
    },
  };
}

type ReminderOutcome = { ok: true; content: ReminderContent } | { ok: false; reason: string };

/** What one department's step says now to `recipient` (as planned), or why it should not be said. */
async function reminderFor(
  db: Db,
  recipient: string,
  p: CollectionPayload,
  now: Date,
  settings: ProgramSettings,
): Promise<ReminderOutcome> {
  const obligation = await db.departmentPeriod.findUnique({
    where: { departmentId_period: { departmentId: p.departmentId, period: p.period } },
    include: { department: true },
  });
  if (!obligation?.department.active) return { ok: false, reason: 'department no longer active' };
  if (obligation.submittedAt) return { ok: false, reason: 'already submitted' };
  // Planned before a re-import moved the start later: nobody is asked for that period any more.
  if (!isCollectedPeriod(p.period, obligation.department.startsWith))
    return { ok: false, reason: 'before the first collected period' };
  // Once the packet is posted the period is locked: a reminder would offer a form that refuses.
  if (obligation.lockedAt) return { ok: false, reason: 'period locked' };
  if (!(await isNoticeStillRelevant(db, recipient, p, now, settings.calendar)))
    return { ok: false, reason: 'stale: no longer makes sense' };
  if (isWaitingOnData(obligation, p.step, localDateOf(now, settings.calendar.timezone)))
    return { ok: false, reason: `waiting on data until ${obligation.waitingUntil}` };
  const metrics = await db.metric.findMany({
    where: { departmentId: p.departmentId, active: true, frequency: frequencyOfPeriod(p.period) },
    include: { values: { where: { period: p.period } }, pulls: { where: { period: p.period, status: 'ok' } } },
  });
  const missing = metrics.filter((m) => m.values.length === 0).length;
  if (metrics.length > 0 && missing === 0) return { ok: false, reason: 'already submitted' };
  const facts = await collectionFacts(
    db,
    { departmentKey: obligation.department.key, period: p.period, dueDate: obligation.dueDate },
    settings,
    now,
    { liaisonMessages: p.step === 'escalation', nextPacket: p.step === 'overdue' },
  );
  return {
    ok: true,
    content: {
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
  };
}
