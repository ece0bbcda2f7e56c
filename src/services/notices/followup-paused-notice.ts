// While a follow-up's owner is away and its nags wait (`away_followups: pause`, or no delegate
// named), the chair of its meeting (or whoever recorded it) is told once per follow-up per absence.
// The waiting nag plans this notice with its deferral; the key (follow-up, owner, the absence's
// first day) makes every later step, run or restart find it already there. Decided when it goes out.
import { z } from 'zod';
import { localDateOf } from '../../domain/calendar/index.js';
import { absenceOn } from '../../domain/people/away.js';
import type { Db } from '../../infra/db-types.js';
import { loadAbsences } from '../people/absences.js';
import { routeNag } from '../people/route-nag.js';
import type { ProgramSettings } from '../program-settings.js';
import type { ClaimedNotice } from './claim-notices.js';
import type { FollowOnNotice, NoticeDecision } from './notice-model.js';
import { openFollowUpCard } from './open-followup.js';

export const FOLLOWUP_PAUSED_KIND = 'followup_paused';

const payloadSchema = z.object({
  followUpId: z.number().int(),
  ownerUserId: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
type PausedPayload = z.infer<typeof payloadSchema>;

/** The chair's notice for a waiting nag; null when nobody else is there to tell. */
export async function pausedNotice(db: Db, p: PausedPayload, now: Date): Promise<FollowOnNotice | null> {
  const f = await db.followUp.findUnique({
    where: { id: p.followUpId },
    select: { createdBy: true, meeting: { select: { series: { select: { chairUserId: true } } } } },
  });
  const chair = f?.meeting?.series.chairUserId ?? f?.createdBy;
  if (!chair || chair === p.ownerUserId) return null;
  return {
    key: `${FOLLOWUP_PAUSED_KIND}:${p.followUpId}:${p.ownerUserId}:${p.startDate}`,
    kind: FOLLOWUP_PAUSED_KIND,
    recipient: chair,
    sendAt: now,
    payload: p satisfies PausedPayload,
  };
}

export async function decideFollowUpPausedNotice(
  db: Db,
  notice: ClaimedNotice,
  now: Date,
  settings: ProgramSettings,
): Promise<NoticeDecision> {
  const parsed = payloadSchema.safeParse(notice.payload);
  if (!parsed.success) return { send: false, reason: 'malformed payload' };
  const p = parsed.data;
  const open = await openFollowUpCard(db, p.followUpId);
  if ('standDown' in open) return open.standDown;
  const { card } = open;
  if (card.ownerUserId !== p.ownerUserId) return { send: false, reason: 'owner changed' };
  const { calendar } = settings;
  const away = absenceOn(await loadAbsences(db), p.ownerUserId, localDateOf(now, calendar.timezone));
  if (!away) return { send: false, reason: 'the owner is back' };
  // A chair who is away too: their delegate is told, or it waits for them (and is dropped if the owner is back first).
  const route = await routeNag(db, notice.recipient, now, calendar);
  if (route.kind === 'wait') return { send: false, reason: 'chair away', deferUntil: route.until };
  return {
    send: true,
    ...(route.to !== notice.recipient ? { to: route.to } : {}),
    model: { kind: 'followup_paused', card, ownerUserId: p.ownerUserId, awayUntil: away.endDate },
  };
}
