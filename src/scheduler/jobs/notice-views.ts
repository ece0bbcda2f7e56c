// The job layer renders what the delivery services decided: each notice's data goes through its
// view builder here, so services never build Block Kit.
import type { BriefViews } from '../../services/brief/post-brief.js';
import type { DeliveryViews } from '../../services/notices/notice-model.js';
import type { RecordViews } from '../../services/roundtable/post-meeting-record.js';
import type { PacketViews } from '../../services/roundtable/post-packet.js';
import { BRIEF_CHARTS_COMMENT, buildBriefMessages } from '../../views/brief-message.js';
import { buildCollectionReminder } from '../../views/collection-reminder.js';
import { buildDeliveryProblemMessage, buildNotPostedMessage } from '../../views/delivery-messages.js';
import { buildFollowUpOwnerMessage, buildFollowUpPausedMessage } from '../../views/followup-message.js';
import { buildMeetingRecord, buildOwnerList } from '../../views/meeting-record-message.js';
import {
  buildChairBriefing,
  buildChartImageMessages,
  buildPacketMessages,
  PACKET_CHARTS_COMMENT,
} from '../../views/packet-message.js';

export const deliveryViews: DeliveryViews = {
  notice: (m) => {
    if (m.kind === 'collection') return buildCollectionReminder(m.reminder);
    if (m.kind === 'followup_paused') return buildFollowUpPausedMessage(m.card, m.ownerUserId, m.awayUntil);
    return buildFollowUpOwnerMessage(m.card, m.step, m.businessDaysLate, m.ownerUserId);
  },
  deliveryProblem: buildDeliveryProblemMessage,
};

export const packetViews: PacketViews = {
  pages: buildPacketMessages,
  chartImages: buildChartImageMessages,
  chartsComment: PACKET_CHARTS_COMMENT,
  briefing: buildChairBriefing,
  notPosted: (meetingName, code, channel) => buildNotPostedMessage('packet', meetingName, code, channel),
};

export const recordViews: RecordViews = {
  pages: buildMeetingRecord,
  ownerList: buildOwnerList,
  notPosted: (meetingName, code, channel) => buildNotPostedMessage('meeting_record', meetingName, code, channel),
};

export const briefViews: BriefViews = { pages: buildBriefMessages, chartsComment: BRIEF_CHARTS_COMMENT };
