// Sends the monthly citywide brief step by step (src/services/notices/notice-steps.ts): to the
// brief's channel and to each person named, the first page, the rest in its thread, then the
// charts of the metrics it leads with in the same thread. Every step is recorded once Slack has
// it, so a stopped run finishes without sending anything twice. A person Slack refuses is left out
// (an admin is told); a channel the bot is not in fails the notice for good, with the reason.

import { labelPeriodShort } from '../../infra/charts/index.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import type { OutgoingMessage, SlackGateway } from '../../infra/slack/slack-gateway.js';
import type { ClaimedNotice } from '../notices/claim-notices.js';
import type { MultiStepOutcome, RecipientProblem } from '../notices/deliver-notices.js';
import type { StepRunner } from '../notices/notice-steps.js';
import { loadProgramSettings } from '../program-settings.js';
import type { PacketChartRenderer, RenderedCharts } from '../roundtable/packet-charts.js';
import { buildCitywideBrief, type CitywideBrief } from './build-brief.js';
import { briefPayloadSchema } from './plan-brief.js';

export interface BriefViews {
  pages(brief: CitywideBrief): OutgoingMessage[];
  chartsComment: string;
}

export interface BriefDeps {
  prisma: PrismaClient;
  slack: SlackGateway;
  logger: Logger;
  charts: PacketChartRenderer;
  views: BriefViews;
}

export async function postBrief(
  deps: BriefDeps,
  notice: Pick<ClaimedNotice, 'payload'>,
  steps: StepRunner,
): Promise<MultiStepOutcome> {
  const payload = briefPayloadSchema.safeParse(notice.payload);
  if (!payload.success) return { status: 'skipped', detail: 'bad payload' };
  const settings = await loadProgramSettings(deps.prisma);
  const to = settings.brief
    ? [...(settings.brief.channel ? [settings.brief.channel] : []), ...settings.brief.people]
    : [];
  if (to.length === 0) return { status: 'skipped', detail: 'no brief recipients' };
  const brief = await buildCitywideBrief(deps.prisma, payload.data.month, steps.now);
  const pages = deps.views.pages(brief);
  const charts = await renderBriefCharts(deps.charts, brief);
  const problems: RecipientProblem[] = [];
  let first: { channel: string; ts: string } | null = null;
  for (const recipient of to) {
    const top = await steps.run(`${recipient}:page:0`, recipient, (tag) =>
      deps.slack.postMessage({ channel: recipient, message: pages[0]!, noticeKey: tag }),
    );
    if (!top.ok) {
      if (top.failure.retry) return { status: 'retry', failure: top.failure };
      await steps.giveUp(`${recipient}:page:0`, top.failure);
      problems.push({ recipient, failure: top.failure });
      continue;
    }
    if (!top.channel || !top.ts) continue; // given up earlier
    const thread = { channel: top.channel, ts: top.ts };
    first ??= thread;
    for (const [i, page] of pages.entries()) {
      if (i === 0) continue;
      const r = await steps.run(`${recipient}:page:${i}`, { channel: thread.channel, threadTs: thread.ts }, (tag) =>
        deps.slack.postMessage({ channel: thread.channel, message: page, threadTs: thread.ts, noticeKey: tag }),
      );
      if (!r.ok && r.failure.retry) return { status: 'retry', failure: r.failure };
      if (!r.ok) await steps.giveUp(`${recipient}:page:${i}`, r.failure);
    }
    for (const [i, f] of charts.files.entries()) {
      const key = `${recipient}:chart:${f.filename}`;
      // A file upload cannot carry metadata: a chart killed in flight may be uploaded twice.
      const r = await steps.run(key, { channel: thread.channel, threadTs: thread.ts, unmarked: true }, () =>
        deps.slack.uploadFile({
          channel: thread.channel,
          threadTs: thread.ts,
          ...(i === 0 ? { comment: deps.views.chartsComment } : {}),
          file: { filename: f.filename, title: f.title, altText: f.altText, bytes: f.png },
        }),
      );
      if (!r.ok && r.failure.retry) return { status: 'retry', failure: r.failure };
      if (!r.ok) {
        deps.logger.warn('a brief chart Slack refused is left out; the sentences stand on their own', {
          code: r.failure.code,
        });
        await steps.giveUp(key, r.failure);
      }
    }
  }
  if (!first)
    return { status: 'failed', detail: `brief not delivered: ${problems.map((p) => p.failure.code).join(', ')}` };
  return { status: 'sent', ...first, detail: `${to.length - problems.length} recipients`, problems };
}

/** The charts of the metrics the brief leads with (each metric's variance chart, via the packet's renderer). */
async function renderBriefCharts(charts: PacketChartRenderer, brief: CitywideBrief): Promise<RenderedCharts> {
  const health = await charts.renderHealth?.(
    brief.healthSeries.map((r) => ({
      label: labelPeriodShort(r.month),
      submittedOnTime: r.measures.submittedOnTime?.share ?? null,
      closedOnTime: r.measures.closedOnTime?.share ?? null,
      answered: r.measures.answeredBeforeNextMeeting?.share ?? null,
    })),
    `${brief.programName}: program health by month`,
  );
  const extra = health ? [health] : [];
  if (brief.attention.length === 0) return { files: extra, images: [], failures: 0 };
  const rendered = await charts.renderAll({
    periodLabel: brief.monthLabel,
    coverage: [],
    departments: [
      {
        id: 0,
        key: 'brief',
        name: `Citywide brief`,
        metrics: brief.attention.map((a) => ({
          ...a.metric,
          key: `${a.departmentName}-${a.metric.key}`,
          name: `${a.departmentName}: ${a.metric.name}`,
        })),
      },
    ],
  });
  return { ...rendered, files: [...rendered.files, ...extra] };
}
