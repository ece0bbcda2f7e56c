// Posts a meeting's packet once: summary message, charts threaded under it, the chair's briefing,
// then the period is locked. A chart failure never stops the packet; a channel the bot is not in
// is explained to the chair. Re-running finds the packet posted and does nothing.
import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import { toSlackBlocks } from '../../infra/slack/blocks.js';
import { postPages } from '../../infra/slack/post-pages.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { buildChairBriefing, buildPacketMessages } from '../../views/packet-message.js';
import { lockPeriods } from '../collection/lock-periods.js';
import { type Agenda, buildAgenda, periodsToLock } from './build-agenda.js';
import type { ChartImage, PacketChartRenderer } from './packet-charts.js';

export type PacketOutcome =
  | { kind: 'posted'; ts: string; charts: number; chartFailures: number }
  | { kind: 'already_posted'; ts: string }
  | { kind: 'cancelled' }
  | { kind: 'not_found' }
  | { kind: 'channel_problem'; message: string };

export interface PacketDeps {
  prisma: PrismaClient;
  client: WebClient;
  logger: Logger;
  charts: PacketChartRenderer;
}

export async function postPacket(deps: PacketDeps, meetingId: number, now: Date): Promise<PacketOutcome> {
  const meeting = await deps.prisma.meeting.findUnique({ where: { id: meetingId } });
  if (!meeting) return { kind: 'not_found' };
  if (meeting.status === 'cancelled') return { kind: 'cancelled' };
  if (meeting.packetTs) return { kind: 'already_posted', ts: meeting.packetTs };
  const agenda = (await buildAgenda(deps.prisma, meetingId, now))!;
  const rendered = await deps.charts.renderAll(agenda);
  const note =
    rendered.failures > 0
      ? `${rendered.failures} chart${rendered.failures === 1 ? '' : 's'} could not be drawn; the table above has every number.`
      : null;
  const posted = await postPages(deps.client, agenda.meeting.channelId, buildPacketMessages(agenda, note));
  if (!posted.ok) {
    await sendDm(
      deps.client,
      agenda.meeting.chairUserId,
      { text: `The packet for ${agenda.meeting.name} was not posted. ${posted.message}`, blocks: [] },
      deps.logger,
    );
    return { kind: 'channel_problem', message: posted.message };
  }
  // Record the ts at once: from here on a rerun must not post a second packet.
  await deps.prisma.meeting.update({ where: { id: meetingId }, data: { packetTs: posted.ts, packetPostedAt: now } });
  await lockPeriods(deps.prisma, periodsToLock(agenda), 'packet', now);
  const uploaded =
    (await uploadCharts(deps, agenda, posted.ts, rendered.files)) +
    (await postChartImages(deps, agenda, posted.ts, rendered.images));
  const link = await deps.client.chat.getPermalink({ channel: posted.channel, message_ts: posted.ts }).then(
    (r) => r.permalink ?? null,
    () => null,
  );
  await sendDm(deps.client, agenda.meeting.chairUserId, buildChairBriefing(agenda, link), deps.logger);
  return { kind: 'posted', ts: posted.ts, charts: uploaded, chartFailures: rendered.failures };
}

/** Slack takes up to 10 files per upload call; charts go in the packet's thread, in order. */
async function uploadCharts(
  deps: PacketDeps,
  agenda: Agenda,
  threadTs: string,
  files: { filename: string; title: string; altText: string; png: Buffer }[],
): Promise<number> {
  let uploaded = 0;
  for (let i = 0; i < files.length; i += 10) {
    const batch = files.slice(i, i + 10);
    try {
      await deps.client.files.uploadV2({
        channel_id: agenda.meeting.channelId,
        thread_ts: threadTs,
        initial_comment:
          i === 0
            ? `Charts: actual against target over 24 months; faint lines are the natural process limits.`
            : undefined,
        file_uploads: batch.map((f) => ({ file: f.png, filename: f.filename, title: f.title, alt_text: f.altText })),
      });
      uploaded += batch.length;
    } catch (err) {
      deps.logger.warn('chart upload failed; the packet table stands on its own', {
        err,
        meetingId: agenda.meeting.id,
      });
    }
  }
  return uploaded;
}

/** QuickChart URLs go in image blocks (Slack fetches them), 20 to a message. */
async function postChartImages(
  deps: PacketDeps,
  agenda: Agenda,
  threadTs: string,
  images: ChartImage[],
): Promise<number> {
  let posted = 0;
  for (let i = 0; i < images.length; i += 20) {
    const batch = images.slice(i, i + 20);
    const blocks = batch.map((img) => ({
      type: 'image',
      image_url: img.url,
      alt_text: img.altText,
      title: { type: 'plain_text', text: img.title.slice(0, 2000) },
    }));
    try {
      await deps.client.chat.postMessage({
        channel: agenda.meeting.channelId,
        thread_ts: threadTs,
        text: 'Charts',
        blocks: toSlackBlocks(blocks),
      });
      posted += batch.length;
    } catch (err) {
      deps.logger.warn('chart images could not be posted', { err });
    }
  }
  return posted;
}
