// Decides whether a follow-up nag still goes out: not once the follow-up is done or cancelled,
// not for an old due date, not to a previous owner.

import { addBusinessDays, businessDaysBetween, localDateOf } from '../../domain/calendar/index.js';
import type { Db } from '../../infra/db-types.js';
import { followUpNagPayloadSchema } from '../followups/plan-followup-nags.js';
import { routeNag } from '../people/route-nag.js';
import type { ProgramSettings } from '../program-settings.js';
import type { ClaimedNotice } from './claim-notices.js';
import { pausedNotice } from './followup-paused-notice.js';
import type { NoticeDecision } from './notice-model.js';
import { openFollowUpCard } from './open-followup.js';
import { isNoticeStillRelevant } from './step-relevance.js';

/** `settings`: the delivery run's, read once per run. */
export async function decideFollowUpNotice(
  db: Db,
  notice: ClaimedNotice,
  now: Date,
  settings: ProgramSettings,
): Promise<NoticeDecision> {
  const parsed = followUpNagPayloadSchema.safeParse(notice.payload);
  if (!parsed.success) return { send: false, reason: 'malformed payload' };
  const p = parsed.data;
  const open = await openFollowUpCard(db, p.followUpId);
  if ('standDown' in open) return open.standDown;
  const { card } = open;
  if (card.dueDate !== p.dueDate) return { send: false, reason: 'due date changed' };
  if (p.step !== 'escalation' && notice.recipient !== card.ownerUserId) return { send: false, reason: 'owner changed' };
  if (!(await isNoticeStillRelevant(db, notice.recipient, p, now, settings.calendar)))
    return { send: false, reason: 'stale: no longer makes sense' };
  if (p.step === 'opening') return { send: false, reason: 'follow-ups have no opening notice' };
  // Counted now, not when planned: a step sent late by a catch-up must not understate the delay.
  const { calendar, awayFollowUps } = settings;
  const { timezone, holidays } = calendar;
  const late = businessDaysBetween(addBusinessDays(card.dueDate, 0, holidays), localDateOf(now, timezone), holidays);
  // Who (issue 15): a nag to an owner who is away goes to their delegate (by program setting), or
  // waits until they are back and the chair is told once. An escalation to an away chair or head
  // goes to their delegate when there is one: the setting is about the owner.
  const toOwner = p.step !== 'escalation';
  const route = await routeNag(db, notice.recipient, now, calendar, toOwner ? awayFollowUps : 'delegate');
  if (route.kind === 'wait') {
    const followOn = toOwner
      ? await pausedNotice(db, { followUpId: card.id, ownerUserId: card.ownerUserId, ...route.away }, now)
      : null;
    const reason = toOwner ? 'owner away' : 'recipient away';
    return { send: false, reason, deferUntil: route.until, ...(followOn ? { followOn } : {}) };
  }
  return {
    send: true,
    ...(route.to !== notice.recipient ? { to: route.to } : {}),
    model: { kind: 'followup', card, step: p.step, businessDaysLate: Math.max(0, late), ownerUserId: card.ownerUserId },
  };
}
