// Chairs change the calendar from Slack: move, cancel or add a meeting. The packet and the meeting
// record follow the meeting; every change is in the audit trail.
import type { Db } from '../../infra/db-types.js';
import type { MeetingRow } from '../../views/meeting-list-message.js';
import type { MeetingChangeProblem } from '../../views/messages.js';

export type { MeetingChangeProblem };

import {
  cancelMeeting,
  planMeetings,
  rescheduleMeeting,
  scheduleMeetingRecord,
  schedulePacket,
} from './plan-meetings.js';

export class MeetingChangeError extends Error {
  constructor(readonly problem: MeetingChangeProblem) {
    super(`meeting change refused: ${problem.kind}`);
  }
}

export async function listMeetings(db: Db, now: Date): Promise<MeetingRow[]> {
  await planMeetings(db, now);
  const rows = await db.meeting.findMany({
    where: { status: 'scheduled', startsAt: { gt: now } },
    include: { series: true },
    orderBy: { startsAt: 'asc' },
    take: 20,
  });
  return rows.map((m) => ({
    id: m.id,
    name: m.series.name,
    startsAt: m.startsAt,
    departmentKeys: m.departmentKeys,
    packetPosted: m.packetTs !== null,
  }));
}

async function findUpcoming(db: Db, id: number, now: Date) {
  const m = id > 0 ? await db.meeting.findUnique({ where: { id } }) : null;
  if (!m) throw new MeetingChangeError({ kind: 'no_such_meeting', id });
  if (m.status === 'cancelled') throw new MeetingChangeError({ kind: 'already_cancelled', id });
  if (m.startsAt <= now) throw new MeetingChangeError({ kind: 'already_started', id });
  return m;
}

/** Returns whether the packet had already been posted (then it stays as it is). */
export async function moveMeeting(
  db: Db,
  id: number,
  startsAt: Date,
  now: Date,
  actor: string,
): Promise<{ packetPosted: boolean }> {
  const m = await findUpcoming(db, id, now);
  if (startsAt <= now) throw new MeetingChangeError({ kind: 'time_in_past' });
  await rescheduleMeeting(db, m.id, startsAt);
  await db.auditEvent.create({
    data: {
      actor,
      action: 'meeting.move',
      detail: { id, from: m.startsAt.toISOString(), to: startsAt.toISOString() },
      at: now,
    },
  });
  return { packetPosted: m.packetTs !== null };
}

export async function cancelMeetingById(db: Db, id: number, now: Date, actor: string): Promise<void> {
  await findUpcoming(db, id, now);
  await cancelMeeting(db, id);
  await db.auditEvent.create({ data: { actor, action: 'meeting.cancel', detail: { id }, at: now } });
}

export async function addMeeting(
  db: Db,
  o: { seriesKey: string; startsAt: Date; departmentKeys: string[]; now: Date; actor: string },
): Promise<{ id: number }> {
  const series = await db.meetingSeries.findUnique({ where: { key: o.seriesKey } });
  if (!series) throw new MeetingChangeError({ kind: 'no_such_series', seriesKey: o.seriesKey });
  if (o.startsAt <= o.now) throw new MeetingChangeError({ kind: 'time_in_past' });
  if (o.departmentKeys.length < 1 || o.departmentKeys.length > 3)
    throw new MeetingChangeError({ kind: 'department_count' });
  const known = await db.department.findMany({ where: { key: { in: o.departmentKeys }, active: true } });
  const unknown = o.departmentKeys.filter((k) => !known.some((d) => d.key === k));
  if (unknown.length) throw new MeetingChangeError({ kind: 'unknown_departments', keys: unknown });
  const m = await db.meeting.create({
    data: { seriesId: series.id, startsAt: o.startsAt, departmentKeys: o.departmentKeys },
  });
  await schedulePacket(db, m.id, o.startsAt, series.packetLeadHours, series.channelId);
  await scheduleMeetingRecord(db, m.id, o.startsAt, series.channelId);
  await db.auditEvent.create({ data: { actor: o.actor, action: 'meeting.add', detail: { id: m.id }, at: o.now } });
  return { id: m.id };
}
