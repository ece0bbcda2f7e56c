// "I'm away from … to …", set in App Home, with an optional delegate. One absence per person at a
// time: setting a new one replaces the old; "I'm back" ends it today.
import { localDateOf } from '../../domain/calendar/index.js';
import { type Absence, type AwayProblem, checkAwayRequest } from '../../domain/people/away.js';
import type { Db } from '../../infra/db-types.js';
import { loadProgramSettings } from '../program-settings.js';

export type SetAwayOutcome = { kind: 'saved'; absence: Absence } | { kind: 'refused'; problem: AwayProblem };

/**
 * Every DM asks who is away: the answer is kept for a few seconds per database client, and dropped
 * at once when this process changes an absence (another process's change shows within seconds).
 */
const CACHE_MS = 5_000;
const cached = new WeakMap<object, { absences: Absence[]; at: number }>();

export async function loadAbsences(db: Db, userIds?: string[]): Promise<Absence[]> {
  const hit = cached.get(db);
  const all =
    hit && performance.now() - hit.at < CACHE_MS
      ? hit.absences
      : (await db.absence.findMany({ orderBy: { id: 'asc' } })).map((r) => ({
          userId: r.slackUserId,
          startDate: r.startDate,
          endDate: r.endDate,
          delegate: r.delegate,
        }));
  if (!hit || hit.absences !== all) cached.set(db, { absences: all, at: performance.now() });
  return userIds ? all.filter((a) => userIds.includes(a.userId)) : all;
}

/** After a change to absences: the next read goes to the database. */
export function forgetAbsences(db: Db): void {
  cached.delete(db);
}

export async function setAway(
  db: Db,
  userId: string,
  request: { startDate: string; endDate: string; delegate: string | null },
  now: Date,
): Promise<SetAwayOutcome> {
  const { calendar } = await loadProgramSettings(db);
  const known = (await db.person.findMany({ select: { slackUserId: true } })).map((p) => p.slackUserId);
  const problem = checkAwayRequest({
    userId,
    ...request,
    today: localDateOf(now, calendar.timezone),
    known,
    absences: await loadAbsences(db),
  });
  if (problem) return { kind: 'refused', problem };
  await db.$transaction([
    db.absence.deleteMany({ where: { slackUserId: userId, source: 'app_home' } }),
    db.absence.create({ data: { slackUserId: userId, ...request, source: 'app_home', createdAt: now } }),
  ]);
  forgetAbsences(db);
  return { kind: 'saved', absence: { userId, ...request } };
}

/** Ends the person's absence: from today on they get their own reminders again. */
export async function clearAway(db: Db, userId: string): Promise<number> {
  const { count } = await db.absence.deleteMany({ where: { slackUserId: userId, source: 'app_home' } });
  forgetAbsences(db);
  return count;
}

/** The person's current or next absence, for App Home. */
export async function currentAbsence(db: Db, userId: string, now: Date): Promise<Absence | null> {
  const { calendar } = await loadProgramSettings(db);
  const today = localDateOf(now, calendar.timezone);
  const mine = (await loadAbsences(db, [userId])).filter((a) => a.endDate >= today);
  return mine[0] ?? null;
}
