// "I'm away from … to …", set in App Home, with an optional delegate. One absence per person at a
// time: setting a new one replaces the old; "I'm back" ends it today.
import { localDateOf } from '../../domain/calendar/index.js';
import { type Absence, type AwayProblem, checkAwayRequest } from '../../domain/people/away.js';
import type { Db } from '../../infra/db-types.js';
import { loadProgramSettings } from '../program-settings.js';

export type SetAwayOutcome = { kind: 'saved'; absence: Absence } | { kind: 'refused'; problem: AwayProblem };

export async function loadAbsences(db: Db, userIds?: string[]): Promise<Absence[]> {
  const rows = await db.absence.findMany({
    where: userIds ? { slackUserId: { in: userIds } } : {},
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => ({ userId: r.slackUserId, startDate: r.startDate, endDate: r.endDate, delegate: r.delegate }));
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
  return { kind: 'saved', absence: { userId, ...request } };
}

/** Ends the person's absence: from today on they get their own reminders again. */
export async function clearAway(db: Db, userId: string): Promise<number> {
  return (await db.absence.deleteMany({ where: { slackUserId: userId, source: 'app_home' } })).count;
}

/** The person's current or next absence, for App Home. */
export async function currentAbsence(db: Db, userId: string, now: Date): Promise<Absence | null> {
  const { calendar } = await loadProgramSettings(db);
  const today = localDateOf(now, calendar.timezone);
  const mine = (await loadAbsences(db, [userId])).filter((a) => a.endDate >= today);
  return mine[0] ?? null;
}
