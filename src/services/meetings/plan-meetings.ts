// Keeps the next meetings of every roundtable series on the calendar, each with its packet notice
// (posted `packetLeadHours` before). Idempotent: unique (series, startsAt) and unique notice keys.

import { computePacketTime } from '../../domain/meetings/packet-time.js';
import { nextOccurrences, parseRecurrence, rotationGroupFor } from '../../domain/meetings/recurrence.js';
import type { Db } from '../../infra/db-types.js';
import { loadProgramSettings } from '../program-settings.js';

/** How many future meetings per series are kept on the calendar. */
const LOOKAHEAD = 2;

export function packetNoticeKey(meetingId: number): string {
  return `packet:${meetingId}`;
}

export async function planMeetings(db: Db, now: Date): Promise<number> {
  const settings = await loadProgramSettings(db);
  const tz = settings.calendar.timezone;
  let created = 0;
  for (const series of await db.meetingSeries.findMany()) {
    const rule = parseRecurrence(series.recurrence);
    if (!rule.ok) continue; // rejected at import; a hand-edited row is skipped, not fatal
    const rotation = series.rotation as string[][];
    for (const startsAt of nextOccurrences(rule.value, now, LOOKAHEAD, tz)) {
      const existing = await db.meeting.findUnique({ where: { seriesId_startsAt: { seriesId: series.id, startsAt } } });
      if (existing) continue;
      const meeting = await db.meeting.create({
        data: { seriesId: series.id, startsAt, departmentKeys: rotationGroupFor(rotation, startsAt, tz) },
      });
      await schedulePacket(db, meeting.id, startsAt, series.packetLeadHours, series.channelId);
      await scheduleMeetingRecord(db, meeting.id, startsAt, series.channelId);
      created++;
    }
  }
  return created;
}

export async function schedulePacket(
  db: Db,
  meetingId: number,
  startsAt: Date,
  leadHours: number,
  channelId: string,
): Promise<void> {
  const settings = await loadProgramSettings(db);
  const sendAt = computePacketTime(startsAt, leadHours, settings.reminders.sendTime, settings.calendar);
  await db.scheduledNotice.upsert({
    where: { key: packetNoticeKey(meetingId) },
    create: { key: packetNoticeKey(meetingId), kind: 'packet', recipient: channelId, sendAt, payload: { meetingId } },
    update: { sendAt },
  });
}

export function meetingRecordKey(meetingId: number): string {
  return `meeting_record:${meetingId}`;
}

/**
 * The meeting record (decisions, owners, due dates) goes out a few hours after the meeting starts —
 * well inside Baltimore's two-day rule — once decisions have been captured in the room.
 */
export const MEETING_RECORD_DELAY_HOURS = 3;

export async function scheduleMeetingRecord(
  db: Db,
  meetingId: number,
  startsAt: Date,
  channelId: string,
): Promise<void> {
  const sendAt = new Date(startsAt.getTime() + MEETING_RECORD_DELAY_HOURS * 3_600_000);
  await db.scheduledNotice.upsert({
    where: { key: meetingRecordKey(meetingId) },
    create: {
      key: meetingRecordKey(meetingId),
      kind: 'meeting_record',
      recipient: channelId,
      sendAt,
      payload: { meetingId },
    },
    update: { sendAt },
  });
}

/** Moves a meeting; its packet moves with it unless it has already been posted. */
export async function rescheduleMeeting(db: Db, meetingId: number, startsAt: Date): Promise<void> {
  const meeting = await db.meeting.update({ where: { id: meetingId }, data: { startsAt }, include: { series: true } });
  const notice = await db.scheduledNotice.findUnique({ where: { key: packetNoticeKey(meetingId) } });
  if (!notice || notice.status === 'pending')
    await schedulePacket(db, meetingId, startsAt, meeting.series.packetLeadHours, meeting.series.channelId);
  await db.scheduledNotice.updateMany({
    where: { key: meetingRecordKey(meetingId), status: 'pending' },
    data: { sendAt: new Date(startsAt.getTime() + MEETING_RECORD_DELAY_HOURS * 3_600_000) },
  });
}

export async function cancelMeeting(db: Db, meetingId: number): Promise<void> {
  await db.meeting.update({ where: { id: meetingId }, data: { status: 'cancelled' } });
  await db.scheduledNotice.updateMany({
    where: { key: { in: [packetNoticeKey(meetingId), meetingRecordKey(meetingId)] }, status: 'pending' },
    data: { status: 'skipped', lastError: 'meeting cancelled' },
  });
}
