// A value revised after its packet was posted (the chair unlocked the period) is announced in the
// packet's thread, so nobody walks into the meeting with an old number.
import { formatPeriodLabel, nextPeriod } from '../../domain/calendar/index.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import type { OutgoingMessage, SlackGateway } from '../../infra/slack/slack-gateway.js';
import type { Revision } from '../collection/record-submission.js';
import { loadProgramSettings } from '../program-settings.js';
import { coverageAt } from './build-agenda.js';
import { periodsReviewedAt } from './find-meeting.js';

/** What the packet's thread is told (rendered by the view's buildRevisionNote). */
export interface RevisionNote {
  departmentName: string;
  periodLabel: string;
  userId: string;
  changes: { metricName: string; unit: string; decimals: number; oldValue: number | null; newValue: number | null }[];
}

export interface RevisionDeps {
  prisma: PrismaClient;
  slack: SlackGateway;
  logger: Logger;
  render: (note: RevisionNote) => OutgoingMessage;
}

export async function noteRevisionsOnPackets(
  deps: RevisionDeps,
  departmentId: number,
  period: string,
  revisions: Revision[],
  userId: string,
): Promise<number> {
  if (revisions.length === 0) return 0;
  const dept = await deps.prisma.department.findUnique({ where: { id: departmentId } });
  if (!dept) return 0;
  const settings = await loadProgramSettings(deps.prisma);
  const tz = settings.calendar.timezone;
  const meetings = await deps.prisma.meeting.findMany({
    where: { packetTs: { not: null }, departmentKeys: { has: dept.key } },
    include: { series: true },
  });
  // A packet posted before a period was due showed this department on the period before.
  const candidates = meetings.filter((m) =>
    Object.values(periodsReviewedAt(m.startsAt, tz)).some((p) => p === period || p === nextPeriod(period)),
  );
  const affected = [];
  for (const m of candidates) {
    const [shown] = await coverageAt(deps.prisma, m.startsAt, [dept.key], m.packetPostedAt ?? m.startsAt, settings);
    if (shown && (shown.monthly === period || shown.quarterly === period)) affected.push(m);
  }
  if (!affected.length) return 0;
  const metrics = await deps.prisma.metric.findMany({ where: { id: { in: revisions.map((r) => r.metricId) } } });
  const message = deps.render({
    departmentName: dept.name,
    periodLabel: formatPeriodLabel(period),
    userId,
    changes: revisions.map((r) => {
      const m = metrics.find((x) => x.id === r.metricId)!;
      return { metricName: m.name, unit: m.unit, decimals: m.decimals, oldValue: r.oldValue, newValue: r.newValue };
    }),
  });
  let posted = 0;
  for (const m of affected) {
    const r = await deps.slack.postMessage({ channel: m.series.channelId, message, threadTs: m.packetTs! });
    if (r.ok) posted++;
    else deps.logger.warn('could not note a revision on the packet', { code: r.failure.code, meetingId: m.id });
  }
  return posted;
}
