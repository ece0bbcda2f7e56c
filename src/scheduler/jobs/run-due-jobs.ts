// The one job the clock drives: plan what has become plannable, then send what is due.
// Run-once given `now`, so the scheduler, `npm run stat -- run-due` and tests share it.

import { planMeetings } from '../../services/meetings/plan-meetings.js';
import {
  type DeliveryDeps,
  type DeliveryReport,
  deliverDueNotices,
  type SpecialSender,
} from '../../services/notices/deliver-notices.js';
import { planCollectionNotices } from '../../services/notices/plan-collection.js';
import type { PacketChartRenderer } from '../../services/roundtable/packet-charts.js';
import { postMeetingRecord } from '../../services/roundtable/post-meeting-record.js';
import { postPacket } from '../../services/roundtable/post-packet.js';
import { type PublishingJobDeps, publishAtMoment, republishCorrections } from './publish-job.js';

export interface JobDeps extends DeliveryDeps {
  charts: PacketChartRenderer;
  /** Unset: results are not published automatically (PUBLISH_DIR not configured). */
  publishing?: PublishingJobDeps['publishing'];
}

export interface JobReport extends DeliveryReport {
  planned: number;
}

const meetingIdOf = (payload: unknown) => Number((payload as { meetingId?: unknown }).meetingId);

export async function runDueJobs(now: Date, deps: JobDeps): Promise<JobReport> {
  const planned = (await planMeetings(deps.prisma, now)) + (await planCollectionNotices(deps.prisma, now));
  const senders: Record<string, SpecialSender> = {
    packet: async (notice, at) => {
      const r = await postPacket(deps, meetingIdOf(notice.payload), at);
      if (r.kind === 'posted') await publishAtMoment(deps, 'after_packet', meetingIdOf(notice.payload), at);
      if (r.kind === 'posted') return { status: 'sent', detail: `${r.charts} charts`, ts: r.ts };
      if (r.kind === 'channel_problem') return { status: 'failed', detail: r.message };
      return { status: 'skipped', detail: r.kind };
    },
    meeting_record: async (notice, at) => {
      const r = await postMeetingRecord(deps, meetingIdOf(notice.payload), at);
      if (r.kind === 'posted') await publishAtMoment(deps, 'after_meeting', meetingIdOf(notice.payload), at);
      if (r.kind === 'posted') return { status: 'sent', detail: `${r.decisions} decisions` };
      if (r.kind === 'channel_problem') return { status: 'failed', detail: r.message };
      return { status: 'skipped', detail: r.reason };
    },
  };
  const delivered = await deliverDueNotices(deps, now, senders);
  await republishCorrections(deps, now);
  return { planned, ...delivered };
}
