// Which meeting a chair means: the next one, the next one for a department, or the one on a date.

import { lastClosedPeriod, localDateOf } from '../../domain/calendar/index.js';
import type { Db } from '../../infra/db-types.js';
import { planMeetings } from '../meetings/plan-meetings.js';

export type MeetingSelector = { kind: 'next' } | { kind: 'department'; key: string } | { kind: 'date'; date: string };

export async function findMeeting(db: Db, selector: MeetingSelector, now: Date, timezone: string) {
  await planMeetings(db, now); // make sure the calendar reaches ahead
  const upcoming = await db.meeting.findMany({
    where: { status: 'scheduled', startsAt: { gt: new Date(now.getTime() - 12 * 3_600_000) } },
    orderBy: { startsAt: 'asc' },
    include: { series: true },
  });
  if (selector.kind === 'next') return upcoming[0] ?? null;
  if (selector.kind === 'department')
    return upcoming.find((m) => m.departmentKeys.some((k) => k.toLowerCase() === selector.key.toLowerCase())) ?? null;
  const all = await db.meeting.findMany({
    where: { status: 'scheduled' },
    include: { series: true },
    orderBy: { startsAt: 'asc' },
  });
  return all.find((m) => localDateOf(m.startsAt, timezone) === selector.date) ?? null;
}

/** The periods a meeting reviews: the last closed month and quarter before it starts. */
export function periodsReviewedAt(startsAt: Date, timezone: string): { monthly: string; quarterly: string } {
  return {
    monthly: lastClosedPeriod(startsAt, 'monthly', timezone),
    quarterly: lastClosedPeriod(startsAt, 'quarterly', timezone),
  };
}
