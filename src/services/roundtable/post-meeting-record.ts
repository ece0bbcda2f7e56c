// After the meeting: the record of decisions (what, owner, due date) to the channel, and each
// owner their own list by DM. Posted once (Meeting.recordPostedAt).
import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import { type PostResult, postPages } from '../../infra/slack/post-pages.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { buildMeetingRecord, buildOwnerList } from '../../views/meeting-record-message.js';
import { loadProgramSettings } from '../program-settings.js';

export type RecordOutcome =
  | { kind: 'posted'; decisions: number; owners: number }
  | { kind: 'skipped'; reason: string }
  | { kind: 'channel_problem'; message: string };

export async function postMeetingRecord(
  deps: { prisma: PrismaClient; client: WebClient; logger: Logger },
  meetingId: number,
  now: Date,
): Promise<RecordOutcome> {
  const meeting = await deps.prisma.meeting.findUnique({
    where: { id: meetingId },
    include: { series: true, followUps: { include: { department: true, metric: true }, orderBy: { id: 'asc' } } },
  });
  if (!meeting) return { kind: 'skipped', reason: 'meeting deleted' };
  if (meeting.status === 'cancelled') return { kind: 'skipped', reason: 'meeting cancelled' };
  if (meeting.recordPostedAt) return { kind: 'skipped', reason: 'already posted' };
  const { timezone } = (await loadProgramSettings(deps.prisma)).calendar;
  const decisions = meeting.followUps.map((f) => ({
    id: f.id,
    text: f.text,
    ownerUserId: f.ownerUserId,
    dueDate: f.dueDate,
    departmentName: f.department.name,
    metricName: f.metric?.name ?? null,
  }));
  const posted: PostResult = await postPages(
    deps.client,
    meeting.series.channelId,
    buildMeetingRecord({ name: meeting.series.name, startsAt: meeting.startsAt, timezone }, decisions),
  );
  if (!posted.ok) {
    await sendDm(
      deps.client,
      meeting.series.chairUserId,
      { text: `The meeting record for ${meeting.series.name} was not posted. ${posted.message}`, blocks: [] },
      deps.logger,
    );
    return { kind: 'channel_problem', message: posted.message };
  }
  await deps.prisma.meeting.update({ where: { id: meetingId }, data: { recordPostedAt: now, status: 'held' } });
  const owners = [...new Set(decisions.map((d) => d.ownerUserId))];
  for (const owner of owners)
    await sendDm(
      deps.client,
      owner,
      buildOwnerList(
        meeting.series.name,
        decisions.filter((d) => d.ownerUserId === owner),
      ),
      deps.logger,
    );
  return { kind: 'posted', decisions: decisions.length, owners: owners.length };
}
