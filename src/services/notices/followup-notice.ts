// Decides whether a follow-up nag still goes out: not once the follow-up is done or cancelled,
// not for an old due date, not to a previous owner.

import { addBusinessDays, businessDaysBetween, isStepStillRelevant, localDateOf } from '../../domain/calendar/index.js';
import type { Db } from '../../infra/db-types.js';
import { loadFollowUpCard } from '../followups/followup-card.js';
import { followUpNagPayloadSchema } from '../followups/plan-followup-nags.js';
import { routeNag } from '../people/route-nag.js';
import { loadProgramSettings } from '../program-settings.js';
import type { ClaimedNotice } from './claim-notices.js';
import type { NoticeDecision } from './notice-model.js';

export async function decideFollowUpNotice(db: Db, notice: ClaimedNotice, now: Date): Promise<NoticeDecision> {
  const parsed = followUpNagPayloadSchema.safeParse(notice.payload);
  if (!parsed.success) return { send: false, reason: 'malformed payload' };
  const p = parsed.data;
  const card = await loadFollowUpCard(db, p.followUpId);
  if (!card) return { send: false, reason: 'follow-up deleted' };
  if (card.status !== 'open') return { send: false, reason: `follow-up ${card.status}` };
  if (card.dueDate !== p.dueDate) return { send: false, reason: 'due date changed' };
  if (p.step !== 'escalation' && notice.recipient !== card.ownerUserId) return { send: false, reason: 'owner changed' };
  if (!isStepStillRelevant({ expiresAt: p.expiresAt ? new Date(p.expiresAt) : null }, now))
    return { send: false, reason: 'stale: no longer makes sense' };
  if (p.step === 'opening') return { send: false, reason: 'follow-ups have no opening notice' };
  // Counted now, not when planned: a step sent late by a catch-up must not understate the delay.
  const { calendar } = await loadProgramSettings(db);
  const { timezone, holidays } = calendar;
  const late = businessDaysBetween(addBusinessDays(card.dueDate, 0, holidays), localDateOf(now, timezone), holidays);
  // Who (issue 15): a nag to an owner who is away goes to their delegate, or waits until they are back.
  const route = await routeNag(db, notice.recipient, now, calendar);
  if (route.kind === 'wait') return { send: false, reason: 'owner away', deferUntil: route.until };
  return {
    send: true,
    ...(route.to !== notice.recipient ? { to: route.to } : {}),
    model: { kind: 'followup', card, step: p.step, businessDaysLate: Math.max(0, late), ownerUserId: card.ownerUserId },
  };
}
