// Posts a meeting's packet step by step (src/services/notices/notice-steps.ts): the summary pages
// (page 1 in the channel, the rest in its thread), then each chart in the thread, then the chair's
// briefing. Each step is recorded once Slack has it, so a stopped run is finished by the next one
// and nothing is posted twice. The period locks as soon as page 1 is up. A chart Slack refuses is
// given up (the table has every number); a channel the bot is not in is explained to the chair.
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import type { SlackFailure } from '../../infra/slack/slack-errors.js';
import type { OutgoingMessage, SlackGateway } from '../../infra/slack/slack-gateway.js';
import { lockPeriods } from '../collection/lock-periods.js';
import type { MultiStepOutcome, RecipientProblem } from '../notices/deliver-notices.js';
import { postThreadPages, type StepRunner } from '../notices/notice-steps.js';
import { type Agenda, buildAgenda, periodsToLock } from './build-agenda.js';
import type { ChartImage, PacketChartRenderer, RenderedCharts } from './packet-charts.js';

/** The packet's messages, rendered by the job layer from the view builders. */
export interface PacketViews {
  pages(agenda: Agenda, chartFailures: number): OutgoingMessage[];
  chartImages(images: ChartImage[]): OutgoingMessage[];
  /** Said with the first chart. */
  chartsComment: string;
  briefing(agenda: Agenda, packetLink: string | null): OutgoingMessage;
  notPosted(meetingName: string, code: string, channel: string): OutgoingMessage;
}

export interface PacketDeps {
  prisma: PrismaClient;
  slack: SlackGateway;
  logger: Logger;
  charts: PacketChartRenderer;
  views: PacketViews;
}

export async function postPacket(deps: PacketDeps, meetingId: number, steps: StepRunner): Promise<MultiStepOutcome> {
  const meeting = await deps.prisma.meeting.findUnique({ where: { id: meetingId } });
  if (!meeting) return { status: 'skipped', detail: 'meeting not found' };
  const started = steps.done('page:0');
  if (meeting.status === 'cancelled' && !started) return { status: 'skipped', detail: 'meeting cancelled' };
  // Posted some other way (before packets went step by step): never a second packet.
  if (meeting.packetTs && !started) return { status: 'skipped', detail: 'already posted' };
  const agenda = (await buildAgenda(deps.prisma, meetingId, steps.now))!;
  const channel = agenda.meeting.channelId;
  const rendered = await deps.charts.renderAll(agenda);

  const pages = deps.views.pages(agenda, rendered.failures);
  const first = await steps.run('page:0', channel, (tag) =>
    deps.slack.postMessage({ channel, message: pages[0]!, noticeKey: tag }),
  );
  if (!first.ok) {
    if (first.failure.retry) return { status: 'retry', failure: first.failure };
    const told = await steps.run('told-chair', agenda.meeting.chairUserId, (tag) =>
      deps.slack.postMessage({
        noticeKey: tag,
        channel: agenda.meeting.chairUserId,
        message: deps.views.notPosted(agenda.meeting.name, first.failure.code, channel),
      }),
    );
    if (!told.ok) deps.logger.warn('could not tell the chair the packet was not posted', { code: told.failure.code });
    return { status: 'failed', detail: `packet not posted: ${first.failure.code}` };
  }
  const ts = first.ts!;
  // From here on the packet exists: record it on the meeting and lock the period (both idempotent).
  await deps.prisma.meeting.updateMany({
    where: { id: meetingId, packetTs: null },
    data: { packetTs: ts, packetPostedAt: steps.now },
  });
  await lockPeriods(deps.prisma, periodsToLock(agenda), 'packet', steps.now);
  const threadFailure = await postThreadPages(steps, deps.slack, { channel, ts }, pages);
  if (threadFailure) return { status: 'retry', failure: threadFailure };
  const charts = await postCharts(deps, steps, { channel, ts }, rendered);
  if (charts.retry) return { status: 'retry', failure: charts.retry };

  const chair = agenda.meeting.chairUserId;
  const problems: RecipientProblem[] = [];
  const link = steps.done('briefing') ? null : await deps.slack.getPermalink({ channel, ts });
  const briefing = await steps.run('briefing', chair, (tag) =>
    deps.slack.postMessage({ channel: chair, message: deps.views.briefing(agenda, link), noticeKey: tag }),
  );
  if (!briefing.ok && briefing.failure.retry) return { status: 'retry', failure: briefing.failure };
  if (!briefing.ok) {
    await steps.giveUp('briefing', briefing.failure);
    problems.push({ recipient: chair, failure: briefing.failure });
  }
  return { status: 'sent', channel, ts, detail: `${charts.posted} charts`, problems };
}

/** Each chart is its own step, in the packet's thread, in order; QuickChart URLs go as image blocks. */
async function postCharts(
  deps: PacketDeps,
  steps: StepRunner,
  packet: { channel: string; ts: string },
  rendered: RenderedCharts,
): Promise<{ posted: number; retry?: SlackFailure }> {
  let posted = 0;
  const { channel, ts } = packet;
  for (const [i, f] of rendered.files.entries()) {
    const key = `chart:${f.filename}`;
    // A file upload cannot carry metadata: a chart killed in flight may be uploaded twice.
    const r = await steps.run(key, { channel, threadTs: ts, unmarked: true }, () =>
      deps.slack.uploadFile({
        channel,
        threadTs: ts,
        ...(i === 0 ? { comment: deps.views.chartsComment } : {}),
        file: { filename: f.filename, title: f.title, altText: f.altText, bytes: f.png },
      }),
    );
    if (r.ok) posted++;
    else if (r.failure.retry) return { posted, retry: r.failure };
    else {
      deps.logger.warn('a chart Slack refused is left out; the packet table stands on its own', {
        chart: f.filename,
        code: r.failure.code,
      });
      await steps.giveUp(key, r.failure);
    }
  }
  for (const [i, message] of deps.views.chartImages(rendered.images).entries()) {
    const r = await steps.run(`chart-images:${i}`, { channel, threadTs: ts }, (tag) =>
      deps.slack.postMessage({ channel, message, threadTs: ts, noticeKey: tag }),
    );
    if (r.ok) posted += message.blocks?.length ?? 0;
    else if (r.failure.retry) return { posted, retry: r.failure };
    else await steps.giveUp(`chart-images:${i}`, r.failure);
  }
  return { posted };
}
