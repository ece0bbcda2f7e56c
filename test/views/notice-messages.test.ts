// Every message the scheduled notices send, checked against the vendored Block Kit schema: the
// collection ladder, follow-up nags and the chair's follow-up messages, the packet (table pages,
// chart images, briefing, corrections), the meeting record and owner lists, delivery problems.
import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../src/services/roundtable/build-agenda.js';
import { buildCollectionReminder, type CollectionStep } from '../../src/views/collection-reminder.js';
import {
  buildDeliveryProblemMessage,
  buildNotPostedMessage,
  channelProblem,
} from '../../src/views/delivery-messages.js';
import {
  buildBlockedNotice,
  buildDecisionResult,
  buildMoreTimeRequest,
} from '../../src/views/followup-chair-messages.js';
import { buildFollowUpOwnerMessage, type FollowUpCard, type NagStep } from '../../src/views/followup-message.js';
import { buildMeetingRecord, buildOwnerList, type RecordedDecision } from '../../src/views/meeting-record-message.js';
import {
  buildChairBriefing,
  buildChartImageMessages,
  buildPacketMessages,
  buildRevisionNote,
} from '../../src/views/packet-message.js';
import { paginateBlocks } from '../../src/views/paginate.js';
import { expectValidMessage } from '../helpers/block-kit.js';

const card: FollowUpCard = {
  id: 7,
  text: 'Fix the <!channel> backlog & report',
  dueDate: '2026-12-15',
  departmentName: 'Public Works',
  metricName: 'Potholes filled',
  status: 'open',
  latest: { kind: 'update', note: 'Half done' },
};

describe('collection reminders', () => {
  it.each(['opening', 'reminder_before', 'due_day', 'overdue', 'escalation'] as CollectionStep[])('%s', (step) => {
    const m = buildCollectionReminder({
      step,
      departmentId: 3,
      departmentName: 'Parks & Rec',
      period: '2026-10',
      periodLabel: 'October 2026',
      dueDate: '2026-11-06',
      dueWhen: step === 'due_day' ? 'today' : step === 'overdue' || step === 'escalation' ? 'past' : 'future',
      businessDaysLate: step === 'overdue' || step === 'escalation' ? 3 : 0,
      missingMetrics: 2,
      totalMetrics: 4,
      liaisonMessages: 2,
      lastLiaisonMessageLabel: 'Mon 9 Nov',
      nextPacket: null,
    });
    expectValidMessage(m);
    expect(m.text).toContain(step === 'due_day' ? 'today' : 'Fri 6 Nov');
  });
});

describe('follow-up messages', () => {
  it.each(['assigned', 'reminder_before', 'due_day', 'overdue', 'escalation'] as NagStep[])('owner: %s', (step) => {
    const m = buildFollowUpOwnerMessage(card, step, 2, 'U0OWNER01');
    expectValidMessage(m);
    expect(JSON.stringify(m.blocks)).not.toContain('<!channel>');
  });
  it('an escalation says the owner has not reported back only when they have not', () => {
    const silent = buildFollowUpOwnerMessage({ ...card, latest: null }, 'escalation', 6, 'U0OWNER01');
    expect(silent.text).toContain('the owner has not reported back');
    const answered = { ...card, latest: { kind: 'update', note: 'Crew scheduled for Tuesday' } };
    const updated = buildFollowUpOwnerMessage(answered, 'escalation', 6, 'U0OWNER01');
    expect(updated.text).not.toContain('not reported back');
    expect(updated.text).toContain("the owner's latest answer is below");
    expect(JSON.stringify(updated.blocks)).toContain('Crew scheduled for Tuesday');
  });
  it('to the chair: more time, blocked, decision', () => {
    expectValidMessage(buildMoreTimeRequest(card, 'U0OWNER01', '2027-01-15', 'Waiting on parts', 12));
    expectValidMessage(buildBlockedNotice(card, 'U0OWNER01', 'No budget'));
    expectValidMessage(buildDecisionResult('Approved: now due Fri 15 Jan.'));
  });
});

const followUp = (id: number) => ({
  id,
  text: `Follow-up ${id}`,
  ownerUserId: 'U0OWNER01',
  departmentName: 'Public Works',
  metricName: null,
  dueDate: '2026-12-01',
  status: 'open',
  blocked: id % 2 === 0,
  overdue: id % 3 === 0,
  carried: false,
  latest: null,
});

const agenda = (followUps: number): Agenda => ({
  meeting: {
    id: 1,
    name: 'Monthly Roundtable',
    startsAt: new Date('2026-11-17T15:00:00Z'),
    channelId: 'C0ROOM',
    chairUserId: 'U0CHAIR01',
    departmentKeys: [],
  },
  period: '2026-10',
  periodLabel: 'October 2026',
  coverage: [],
  departments: [],
  items: [],
  recognitions: [],
  numbers: { entered: 0, total: 0 },
  followUps: Array.from({ length: followUps }, (_, i) => followUp(i + 1)),
  missing: [
    {
      departmentId: 2,
      key: 'WATER',
      name: 'Watershed',
      state: 'late',
      filled: 0,
      total: 4,
      dueDate: '2026-11-06',
      businessDaysLate: 3,
      submittedAt: null,
    },
  ],
  timezone: 'America/New_York',
});

describe('the packet', () => {
  it('one page, with a note about charts that could not be drawn', () => {
    const pages = buildPacketMessages(agenda(3), 2);
    expect(pages).toHaveLength(1);
    for (const p of pages) expectValidMessage(p);
    expect(JSON.stringify(pages[0]!.blocks)).toContain('2 charts could not be drawn');
  });
  it('pages rather than cuts a long list of follow-ups', () => {
    const pages = buildPacketMessages(agenda(120), 0);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expectValidMessage(p);
    expect(pages.flatMap((p) => p.blocks).filter((b) => JSON.stringify(b).includes('Follow-up '))).toHaveLength(120);
  });
  it('briefing, chart images, a correction', () => {
    expectValidMessage(buildChairBriefing(agenda(4), 'https://example.slack.com/archives/C0ROOM/p1'));
    const images = Array.from({ length: 25 }, (_, i) => ({
      url: `https://charts.example/${i}.png`,
      title: `Chart ${i}`,
      altText: `Chart ${i}: on target`,
    }));
    const messages = buildChartImageMessages(images);
    expect(messages.map((m) => m.blocks.length)).toEqual([20, 5]);
    for (const m of messages) expectValidMessage(m);
    expectValidMessage(
      buildRevisionNote({
        departmentName: 'Public Works',
        periodLabel: 'October 2026',
        userId: 'U0DPWLIA1',
        changes: [{ metricName: 'On time', unit: '%', decimals: 1, oldValue: 91.2, newValue: null }],
      }),
    );
  });
});

describe('the meeting record', () => {
  const decisions = (n: number): RecordedDecision[] =>
    Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      text: `Decision ${i + 1}`,
      ownerUserId: 'U0OWNER01',
      dueDate: '2026-12-15',
      departmentName: 'Public Works',
      metricName: i % 2 ? 'On time' : null,
    }));
  const meeting = {
    name: 'Monthly Roundtable',
    startsAt: new Date('2026-11-17T15:00:00Z'),
    timezone: 'America/New_York',
  };
  it.each([0, 3, 80])('%i decisions: every page and owner list is valid', (n) => {
    const pages = buildMeetingRecord(meeting, decisions(n));
    for (const p of pages) expectValidMessage(p);
    if (n > 0) expectValidMessage(buildOwnerList('Monthly Roundtable', decisions(n)));
  });
});

describe('delivery problems', () => {
  it.each(['not_in_channel', 'channel_not_found', 'is_archived', 'ratelimited'])('%s', (code) => {
    expectValidMessage(buildNotPostedMessage('packet', 'Monthly Roundtable', code, 'C0ROOM'));
    expectValidMessage(buildDeliveryProblemMessage({ recipient: 'C0ROOM', code, kind: 'packet' }));
    expect(channelProblem(code, 'C0ROOM')).not.toBe('');
  });
  it('a person the bot cannot reach', () => {
    expectValidMessage(
      buildDeliveryProblemMessage({ recipient: 'U0GONE', code: 'user_not_found', kind: 'collect_opening' }),
    );
  });
});

describe('paginateBlocks', () => {
  it('keeps every block and numbers the parts', () => {
    const body = Array.from({ length: 130 }, (_, i) => ({ type: 'divider' as const, block_id: `b${i}` }));
    const pages = paginateBlocks('Long', [], body);
    expect(pages.length).toBe(3);
    for (const p of pages) expectValidMessage(p);
    expect(pages.flatMap((p) => p.blocks).filter((b) => b.type === 'divider')).toHaveLength(130);
  });
});
