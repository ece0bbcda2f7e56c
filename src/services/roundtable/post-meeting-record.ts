// After the meeting: the record of decisions (what, owner, due date) to the channel, and each
// owner their own list by DM — step by step (src/services/notices/notice-steps.ts), so a stopped
// run is finished by the next one and no page or DM goes out twice.
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import type { OutgoingMessage, SlackGateway } from '../../infra/slack/slack-gateway.js';
import type { RecordedDecision } from '../../views/meeting-record-message.js';
import type { MultiStepOutcome, RecipientProblem } from '../notices/deliver-notices.js';
import { postThreadPages, type StepRunner } from '../notices/notice-steps.js';
import { loadProgramSettings } from '../program-settings.js';

export type { RecordedDecision };

/** The record's messages, rendered by the job layer from the view builders. */
export interface RecordViews {
  pages(meeting: { name: string; startsAt: Date; timezone: string }, decisions: RecordedDecision[]): OutgoingMessage[];
  ownerList(meetingName: string, decisions: RecordedDecision[]): OutgoingMessage;
  notPosted(meetingName: string, code: string, channel: string): OutgoingMessage;
}

export interface RecordDeps {
  prisma: PrismaClient;
  slack: SlackGateway;
  logger: Logger;
  views: RecordViews;
}

export async function postMeetingRecord(
  deps: RecordDeps,
  meetingId: number,
  steps: StepRunner,
): Promise<MultiStepOutcome> {
  const meeting = await deps.prisma.meeting.findUnique({
    where: { id: meetingId },
    include: { series: true, followUps: { include: { department: true, metric: true }, orderBy: { id: 'asc' } } },
  });
  if (!meeting) return { status: 'skipped', detail: 'meeting deleted' };
  const started = steps.done('page:0');
  if (meeting.status === 'cancelled' && !started) return { status: 'skipped', detail: 'meeting cancelled' };
  if (meeting.recordPostedAt && !started) return { status: 'skipped', detail: 'already posted' };
  const { timezone } = (await loadProgramSettings(deps.prisma)).calendar;
  const { name, channelId: channel, chairUserId } = meeting.series;
  const decisions: RecordedDecision[] = meeting.followUps.map((f) => ({
    id: f.id,
    text: f.text,
    ownerUserId: f.ownerUserId,
    dueDate: f.dueDate,
    departmentName: f.department.name,
    metricName: f.metric?.name ?? null,
  }));
  const pages = deps.views.pages({ name, startsAt: meeting.startsAt, timezone }, decisions);
  const first = await steps.run('page:0', channel, (tag) =>
    deps.slack.postMessage({ channel, message: pages[0]!, noticeKey: tag }),
  );
  if (!first.ok) {
    if (first.failure.retry) return { status: 'retry', failure: first.failure };
    const told = await steps.run('told-chair', chairUserId, (tag) =>
      deps.slack.postMessage({
        noticeKey: tag,
        channel: chairUserId,
        message: deps.views.notPosted(name, first.failure.code, channel),
      }),
    );
    if (!told.ok) deps.logger.warn('could not tell the chair the record was not posted', { code: told.failure.code });
    return { status: 'failed', detail: `meeting record not posted: ${first.failure.code}` };
  }
  const ts = first.ts!;
  await deps.prisma.meeting.updateMany({
    where: { id: meetingId, recordPostedAt: null },
    data: { recordPostedAt: steps.now, status: 'held' },
  });
  const threadFailure = await postThreadPages(steps, deps.slack, { channel, ts }, pages);
  if (threadFailure) return { status: 'retry', failure: threadFailure };
  const problems: RecipientProblem[] = [];
  const owners = [...new Set(decisions.map((d) => d.ownerUserId))];
  for (const owner of owners) {
    const list = deps.views.ownerList(
      name,
      decisions.filter((d) => d.ownerUserId === owner),
    );
    const r = await steps.run(`owner:${owner}`, owner, (tag) =>
      deps.slack.postMessage({ channel: owner, message: list, noticeKey: tag }),
    );
    if (!r.ok && r.failure.retry) return { status: 'retry', failure: r.failure };
    if (!r.ok) {
      await steps.giveUp(`owner:${owner}`, r.failure);
      problems.push({ recipient: owner, failure: r.failure });
    }
  }
  return { status: 'sent', channel, ts, detail: `${decisions.length} decisions, ${owners.length} owners`, problems };
}
