// The one job the clock drives: plan what has become plannable, then send what is due.
// Run-once given `now`, so the scheduler, `npm run stat -- run-due` and tests share it.

import type { WebClient } from '@slack/web-api';
import { formatPeriodLabel, lastClosedPeriod } from '../../domain/calendar/index.js';
import type { Frequency } from '../../domain/types.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import type { Pacer } from '../../infra/slack/pacer.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { createSlackGateway } from '../../infra/slack/slack-gateway.js';
import type { SourceRuntime } from '../../infra/sources/runtime.js';
import { planBriefNotices } from '../../services/brief/plan-brief.js';
import { postBrief } from '../../services/brief/post-brief.js';
import { planMeetings } from '../../services/meetings/plan-meetings.js';
import {
  type DeliveryDeps,
  type DeliveryReport,
  deliverDueNotices,
  type MultiStepSender,
} from '../../services/notices/deliver-notices.js';
import { planCollectionNotices } from '../../services/notices/plan-collection.js';
import { planWeeklyCollection } from '../../services/notices/plan-weekly-collection.js';
import { sendWeeklyNotice } from '../../services/notices/weekly-collection-notice.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import type { PacketChartRenderer } from '../../services/roundtable/packet-charts.js';
import { postMeetingRecord } from '../../services/roundtable/post-meeting-record.js';
import { postPacket } from '../../services/roundtable/post-packet.js';
import { pullAndStore } from '../../services/sources/pull-sources.js';
import { claimSourceFailureNotices } from '../../services/sources/source-failure-notices.js';
import { buildSourceFailureNotice } from '../../views/source-failure-notice.js';
import { buildWeeklyReminder } from '../../views/weekly-reminder.js';
import { briefViews, deliveryViews, packetViews, recordViews } from './notice-views.js';
import { type PublishingJobDeps, publishAtMoment, republishCorrections } from './publish-job.js';
import { readStatusesBeforeSending, syncGroupsWhenPeriodOpens } from './sync-groups-job.js';

/** What delivery needs, as the app has it: a Slack client rather than the services' gateway. */
export interface DeliveryJobDeps {
  prisma: PrismaClient;
  client: WebClient;
  logger: Logger;
  pacer: Pacer;
  workerId: string;
  leaseMs?: number;
  signal?: AbortSignal;
}

export interface JobDeps extends DeliveryJobDeps {
  charts: PacketChartRenderer;
  /** Unset: results are not published automatically (PUBLISH_DIR not configured). */
  publishing?: PublishingJobDeps['publishing'];
  /** Data sources: without them, every value is typed by a person. */
  sources?: SourceRuntime;
}

export interface JobReport extends DeliveryReport {
  planned: number;
}

/** The delivery service's dependencies: the Slack gateway over the client (429s pause the pacer), and the view builders. */
export function createDeliveryDeps({ client, ...rest }: DeliveryJobDeps): DeliveryDeps {
  return { ...rest, slack: createSlackGateway(client, { pacer: rest.pacer }), views: deliveryViews };
}

const meetingIdOf = (payload: unknown) => Number((payload as { meetingId?: unknown }).meetingId);

export async function runDueJobs(now: Date, deps: JobDeps): Promise<JobReport> {
  // Sourced values are pulled as soon as a period closes, so the opening DM offers them.
  if (deps.sources) await pullClosedPeriods(now, deps, deps.sources);
  await syncGroupsWhenPeriodOpens(now, deps); // who (issue 15): user groups' members, once per period
  const planned =
    (await planMeetings(deps.prisma, now)) +
    (await planCollectionNotices(deps.prisma, now)) +
    (await planBriefNotices(deps.prisma, now)) +
    (await planWeeklyCollection(deps.prisma, now));
  await readStatusesBeforeSending(now, deps); // respect_slack_status (issue 15)
  const delivery = createDeliveryDeps(deps);
  // Publishing follows a posted packet or meeting record (whichever the program's publish moment
  // is); publishAtMoment never throws, and announces only records published for the first time.
  const senders: Record<string, MultiStepSender> = {
    packet: async (notice, steps) => {
      const meetingId = meetingIdOf(notice.payload);
      const r = await postPacket({ ...delivery, charts: deps.charts, views: packetViews }, meetingId, steps);
      if (r.status === 'sent') await publishAtMoment(deps, 'after_packet', meetingId, steps.now);
      return r;
    },
    meeting_record: async (notice, steps) => {
      const meetingId = meetingIdOf(notice.payload);
      const r = await postMeetingRecord({ ...delivery, views: recordViews }, meetingId, steps);
      if (r.status === 'sent') await publishAtMoment(deps, 'after_meeting', meetingId, steps.now);
      return r;
    },
    // The monthly citywide brief (issue 17).
    brief: (notice, steps) => postBrief({ ...delivery, charts: deps.charts, views: briefViews }, notice, steps),
    // Weekly metrics: one DM per person per week (issue 17).
    collect_weekly: (notice, steps, settings) =>
      sendWeeklyNotice({ ...delivery, render: buildWeeklyReminder }, notice, steps, settings),
  };
  const delivered = await deliverDueNotices(delivery, now, senders);
  await republishCorrections(deps, now);
  return { planned, ...delivered };
}

/** Pulls each closed period's sources once (a re-pull is the CLI's), then tells admins of failures once. */
async function pullClosedPeriods(now: Date, deps: JobDeps, sources: SourceRuntime): Promise<void> {
  const { calendar } = await loadProgramSettings(deps.prisma);
  for (const frequency of ['monthly', 'quarterly'] as Frequency[]) {
    const period = lastClosedPeriod(now, frequency, calendar.timezone);
    const report = await pullAndStore(deps.prisma, sources, { period, now, force: false });
    if (report.pulled || report.failed.length)
      deps.logger.info('data sources pulled', { period, pulled: report.pulled, failed: report.failed.length });
    for (const tell of await claimSourceFailureNotices(deps.prisma, report.failed, period, now))
      for (const page of buildSourceFailureNotice({ ...tell, periodLabel: formatPeriodLabel(period) }))
        for (const admin of tell.admins) await sendDm(deps.client, admin, page, deps.logger);
  }
}
