// A DM lands inside its recipient's own working hours: the program's hours and business days, in
// the person's Slack time zone (users.info `tz`, kept on Person). Without a known zone, the program's.
import { IANAZone } from 'luxon';
import { isWithinWorkingHours, localDateOf, nextWorkingInstant } from '../../domain/calendar/index.js';
import { absenceOn } from '../../domain/people/away.js';
import type { ProgramCalendar } from '../../domain/types.js';
import type { Db } from '../../infra/db-types.js';
import { loadAbsences } from './absences.js';

const isUserId = (recipient: string) => /^[UW][A-Z0-9]+$/.test(recipient);

export async function recipientCalendar(db: Db, recipient: string, program: ProgramCalendar): Promise<ProgramCalendar> {
  if (!isUserId(recipient)) return program;
  const tz = await personZone(db, recipient);
  return tz && IANAZone.isValidZone(tz) ? { ...program, timezone: tz } : program;
}

/**
 * People's zones change rarely (and only at import or a group sync): delivery asks twice per DM
 * (before deciding, and for the wording), so an answer is kept for a minute, per database client.
 */
const ZONE_TTL_MS = 60_000;
const zones = new WeakMap<object, Map<string, { tz: string | null; at: number }>>();

async function personZone(db: Db, userId: string): Promise<string | null> {
  const cache = zones.get(db) ?? new Map<string, { tz: string | null; at: number }>();
  zones.set(db, cache);
  const hit = cache.get(userId);
  if (hit && performance.now() - hit.at < ZONE_TTL_MS) return hit.tz;
  const person = await db.person.findUnique({ where: { slackUserId: userId }, select: { tz: true } });
  cache.set(userId, { tz: person?.tz ?? null, at: performance.now() });
  return person?.tz ?? null;
}

/**
 * Whose working hours a DM to `recipient` waits for: theirs, or while they are away with a
 * delegate, the delegate's, since the notice will go to the delegate. Waiting for the absent
 * person's (in Tokyo, say, for a New York delegate) would hand it to the delegate at night, to be
 * put off again until morning, forever. Delivery's gate and the stale-step check both ask this.
 */
export async function hoursCalendar(
  db: Db,
  recipient: string,
  now: Date,
  program: ProgramCalendar,
): Promise<ProgramCalendar> {
  const away = isUserId(recipient)
    ? absenceOn(await loadAbsences(db), recipient, localDateOf(now, program.timezone))
    : null;
  return recipientCalendar(db, away?.delegate ?? recipient, program);
}

/** Null when `now` is inside the hours that count for `recipient` (hoursCalendar); otherwise when they next begin. */
export async function outsideRecipientHours(
  db: Db,
  recipient: string,
  now: Date,
  program: ProgramCalendar,
): Promise<Date | null> {
  const cal = await hoursCalendar(db, recipient, now, program);
  return isWithinWorkingHours(now, cal) ? null : nextWorkingInstant(now, cal);
}
