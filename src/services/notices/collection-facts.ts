// What a collection DM may say, established when it is sent rather than when it was planned: a
// catch-up after downtime sends a step days later than planned, so "3 business days late" or "the
// liaisons have been reminded" frozen at planning time could be false. Every claim a reminder or
// escalation makes is counted here from the database.
import { addBusinessDays, businessDaysBetween, localDateOf } from '../../domain/calendar/index.js';
import type { Db } from '../../infra/db-types.js';
import type { ProgramSettings } from '../program-settings.js';
import { periodsReviewedAt } from '../roundtable/find-meeting.js';

export interface CollectionFacts {
  /** Business days after the due date, today (0 on or before it). */
  businessDaysLate: number;
  dueWhen: 'future' | 'today' | 'past';
  /** Ladder steps actually delivered to the liaisons for this period (opening, reminders), and the last one's day. */
  liaisonMessages: { count: number; lastDay: string | null };
  /** The next packet that will show this period, if one is scheduled and not yet posted. */
  nextPacket: { meetingName: string; meetingDay: string } | null;
}

/** Only what `need` asks for is read (a fan-out of opening DMs should not pay for escalation facts). */
export async function collectionFacts(
  db: Db,
  subject: { departmentKey: string; period: string; dueDate: string },
  settings: ProgramSettings,
  now: Date,
  need: { liaisonMessages: boolean; nextPacket: boolean },
): Promise<CollectionFacts> {
  const { timezone: tz, holidays } = settings.calendar;
  const today = localDateOf(now, tz);
  const due = addBusinessDays(subject.dueDate, 0, holidays);
  return {
    businessDaysLate: Math.max(0, businessDaysBetween(due, today, holidays)),
    dueWhen: today < due ? 'future' : today === due ? 'today' : 'past',
    liaisonMessages: need.liaisonMessages ? await liaisonMessagesFor(db, subject, tz) : { count: 0, lastDay: null },
    nextPacket: need.nextPacket ? await nextPacketFor(db, subject, now, tz) : null,
  };
}

async function liaisonMessagesFor(
  db: Db,
  subject: { departmentKey: string; period: string },
  tz: string,
): Promise<CollectionFacts['liaisonMessages']> {
  const sent = await db.scheduledNotice.findMany({
    where: {
      key: { startsWith: `collect:${subject.departmentKey}:${subject.period}:` },
      kind: { not: 'collect_escalation' },
      status: 'sent',
    },
    select: { key: true, sentAt: true },
  });
  // One step goes to every liaison as its own row: count steps, not rows.
  const steps = new Set(sent.map((n) => n.key.split(':')[3]));
  const last = sent.reduce<Date | null>((a, n) => (n.sentAt && (!a || n.sentAt > a) ? n.sentAt : a), null);
  return { count: steps.size, lastDay: last ? localDateOf(last, tz) : null };
}

async function nextPacketFor(
  db: Db,
  subject: { departmentKey: string; period: string },
  now: Date,
  tz: string,
): Promise<CollectionFacts['nextPacket']> {
  const meetings = await db.meeting.findMany({
    where: {
      status: 'scheduled',
      packetTs: null,
      startsAt: { gt: now },
      departmentKeys: { has: subject.departmentKey },
    },
    orderBy: { startsAt: 'asc' },
    include: { series: true },
    take: 3,
  });
  const m = meetings.find((x) => Object.values(periodsReviewedAt(x.startsAt, tz)).includes(subject.period));
  return m ? { meetingName: m.series.name, meetingDay: localDateOf(m.startsAt, tz) } : null;
}
