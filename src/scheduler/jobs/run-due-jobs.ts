// The one job the clock drives: plan what has become plannable, then send what is due.
// Run-once given `now`, so the scheduler, `npm run stat -- run-due` and tests share it.

import { formatPeriodLabel, lastClosedPeriod } from '../../domain/calendar/index.js';
import type { Frequency } from '../../domain/types.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import type { SourceRuntime } from '../../infra/sources/runtime.js';
import { planMeetings } from '../../services/meetings/plan-meetings.js';
import {
  type DeliveryDeps,
  type DeliveryReport,
  deliverDueNotices,
  type SpecialSender,
} from '../../services/notices/deliver-notices.js';
import { planCollectionNotices } from '../../services/notices/plan-collection.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import type { PacketChartRenderer } from '../../services/roundtable/packet-charts.js';
import { postMeetingRecord } from '../../services/roundtable/post-meeting-record.js';
import { postPacket } from '../../services/roundtable/post-packet.js';
import { pullAndStore } from '../../services/sources/pull-sources.js';
import { claimSourceFailureNotices } from '../../services/sources/source-failure-notices.js';
import { buildSourceFailureNotice } from '../../views/source-failure-notice.js';

export interface JobDeps extends DeliveryDeps {
  charts: PacketChartRenderer;
  /** Data sources: without them, every value is typed by a person. */
  sources?: SourceRuntime;
}

export interface JobReport extends DeliveryReport {
  planned: number;
}

const meetingIdOf = (payload: unknown) => Number((payload as { meetingId?: unknown }).meetingId);

export async function runDueJobs(now: Date, deps: JobDeps): Promise<JobReport> {
  // Sourced values are pulled as soon as a period closes, so the opening DM offers them.
  if (deps.sources) await pullClosedPeriods(now, deps, deps.sources);
  const planned = (await planMeetings(deps.prisma, now)) + (await planCollectionNotices(deps.prisma, now));
  const senders: Record<string, SpecialSender> = {
    packet: async (notice, at) => {
      const r = await postPacket(deps, meetingIdOf(notice.payload), at);
      if (r.kind === 'posted') return { status: 'sent', detail: `${r.charts} charts`, ts: r.ts };
      if (r.kind === 'channel_problem') return { status: 'failed', detail: r.message };
      return { status: 'skipped', detail: r.kind };
    },
    meeting_record: async (notice, at) => {
      const r = await postMeetingRecord(deps, meetingIdOf(notice.payload), at);
      if (r.kind === 'posted') return { status: 'sent', detail: `${r.decisions} decisions` };
      if (r.kind === 'channel_problem') return { status: 'failed', detail: r.message };
      return { status: 'skipped', detail: r.reason };
    },
  };
  const delivered = await deliverDueNotices(deps, now, senders);
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
