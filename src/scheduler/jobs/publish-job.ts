// Publishing at the program's publish moment (packet posted, or meeting record posted), and
// republishing corrections on later ticks. The note in the packet's thread goes out only for
// records published for the first time, so a rerun never announces twice. A failure is logged and
// never stops the packet or the meeting record; the next tick retries the files.
import type { WebClient } from '@slack/web-api';
import { formatPeriodLabel } from '../../domain/calendar/periods.js';
import { siteUrlOf } from '../../domain/publishing/site-url.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import type { PublicationWriter } from '../../infra/publishing/feed-model.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { hasUnpublishedCorrections } from '../../services/publishing/corrections.js';
import { publishResults } from '../../services/publishing/publish-results.js';
import { buildPublishedNotice } from '../../views/publish-message.js';

export interface PublishingJobDeps {
  prisma: PrismaClient;
  client: WebClient;
  logger: Logger;
  publishing?: { writer: PublicationWriter; baseUrl: string };
}

export type PublishMoment = 'after_packet' | 'after_meeting';

export async function publishAtMoment(
  deps: PublishingJobDeps,
  moment: PublishMoment,
  meetingId: number,
  now: Date,
): Promise<void> {
  const publishing = deps.publishing;
  if (!publishing) return;
  try {
    if ((await loadProgramSettings(deps.prisma)).publish !== moment) return;
    const outcome = await publishResults({ prisma: deps.prisma, ...publishing }, { now, by: 'schedule' });
    if (outcome.kind !== 'published' || outcome.newPeriods.length === 0) return;
    const meeting = await deps.prisma.meeting.findUnique({ where: { id: meetingId }, include: { series: true } });
    if (!meeting?.packetTs) return;
    for (const p of outcome.newPeriods)
      await deps.client.chat.postMessage({
        channel: meeting.series.channelId,
        thread_ts: meeting.packetTs,
        ...buildPublishedNotice({
          metrics: p.metrics,
          periodLabel: formatPeriodLabel(p.period),
          siteUrl: siteUrlOf(publishing.baseUrl),
        }),
      });
  } catch (err) {
    deps.logger.error('publishing failed; the next run retries', { err, meetingId });
  }
}

/** Each tick: republish when a published value was corrected (or a write is still owed). */
export async function republishCorrections(deps: PublishingJobDeps, now: Date): Promise<void> {
  const publishing = deps.publishing;
  if (!publishing) return;
  try {
    if (!(await hasUnpublishedCorrections(deps.prisma))) return;
    await publishResults({ prisma: deps.prisma, ...publishing }, { now, by: 'schedule' });
  } catch (err) {
    deps.logger.error('republishing corrections failed; the next run retries', { err });
  }
}
