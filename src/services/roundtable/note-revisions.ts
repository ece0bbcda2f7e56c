// A value revised after its packet was posted (the chair unlocked the period) is announced in the
// packet's thread, so nobody walks into the meeting with an old number.
import type { WebClient } from '@slack/web-api';
import { formatPeriodLabel, nextPeriod } from '../../domain/calendar/index.js';
import { formatWithUnit } from '../../domain/number-format.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import { escapeMrkdwn, possessive } from '../../views/mrkdwn.js';
import type { Revision } from '../collection/record-submission.js';
import { loadProgramSettings } from '../program-settings.js';
import { coverageAt } from './build-agenda.js';
import { periodsReviewedAt } from './find-meeting.js';

export async function noteRevisionsOnPackets(
  deps: { prisma: PrismaClient; client: WebClient; logger: Logger },
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
  const show = (v: number | null, m: (typeof metrics)[number]) =>
    v === null ? 'not available' : formatWithUnit(v, m.unit, m.decimals);
  const lines = revisions.map((r) => {
    const m = metrics.find((x) => x.id === r.metricId)!;
    return `• ${escapeMrkdwn(m.name)}: ${show(r.oldValue, m)} → *${show(r.newValue, m)}*`;
  });
  const text = `:pencil2: Correction to ${possessive(escapeMrkdwn(dept.name))} ${formatPeriodLabel(period)} numbers, by <@${userId}>:\n${lines.join('\n')}`;
  let posted = 0;
  for (const m of affected) {
    try {
      await deps.client.chat.postMessage({
        channel: m.series.channelId,
        thread_ts: m.packetTs!,
        text,
        reply_broadcast: false,
      });
      posted++;
    } catch (err) {
      deps.logger.warn('could not note a revision on the packet', { err, meetingId: m.id });
    }
  }
  return posted;
}
