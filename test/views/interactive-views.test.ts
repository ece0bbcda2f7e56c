// Every interactive builder's output checked against the vendored Block Kit schema, with the
// edge cases that used to be cut silently (long lists) or break Slack (numbers, limits).
import type { InputBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { analyseMetric } from '../../src/domain/metric-analysis.js';
import type { MetricRule } from '../../src/domain/types.js';
import { type Agenda, type AgendaFollowUp, buildAgendaMessages } from '../../src/views/agenda-message.js';
import { ANSWER_THANKS, buildFollowUpAnswerModal } from '../../src/views/followup-answer-modal.js';
import { buildFollowUpList, followUpListTitle } from '../../src/views/followup-list-message.js';
import { buildFollowUpModal } from '../../src/views/followup-modal.js';
import { buildHelpMessage } from '../../src/views/help-message.js';
import { buildHomeView, type HomeData } from '../../src/views/home-view.js';
import { buildMeetingList, type MeetingRow } from '../../src/views/meeting-list-message.js';
import type { AnalysedMetric } from '../../src/views/metric-line.js';
import { buildNoticeModal } from '../../src/views/notice-modal.js';
import type { ModalView } from '../../src/views/slack-message.js';
import { buildStatusMessage, type CollectionStatus, type DepartmentStatusRow } from '../../src/views/status-message.js';
import { buildSubmissionConfirmation } from '../../src/views/submission-confirmation.js';
import { expectValidMessage, expectValidView } from '../helpers/block-kit.js';

const TZ = 'America/New_York';
const rule: MetricRule = { polarity: 'higher_is_better', tolerance: 2, decimals: 1, min: 0, max: 100 };
const card = {
  id: 7,
  text: 'Fix the <backlog> & report',
  dueDate: '2026-12-15',
  departmentName: 'Public Works',
  status: 'open',
};

const statusRow = (i: number, state: DepartmentStatusRow['state']): DepartmentStatusRow => ({
  departmentId: i,
  key: `D${i}`,
  name: `Department ${i} <x>`,
  state,
  filled: 1,
  total: 3,
  dueDate: '2026-11-06',
  businessDaysLate: state === 'late' ? 2 : 0,
  submittedAt: null,
});
const status = (n: number): CollectionStatus => ({
  period: '2026-10',
  periodLabel: 'October 2026',
  rows: Array.from({ length: n }, (_, i) => statusRow(i + 1, (['late', 'partial', 'submitted'] as const)[i % 3]!)),
});
const agendaFollowUp = (i: number): AgendaFollowUp => ({
  id: i,
  text: `Follow-up ${i} ${'words '.repeat(40)}`,
  ownerUserId: 'U0OWNER1',
  departmentName: 'Public Works',
  metricName: null,
  dueDate: '2026-11-20',
  status: 'open',
  blocked: i % 2 === 0,
  overdue: i % 3 === 0,
  carried: false,
  latest: { kind: 'update', note: 'progress <@U1>', at: new Date('2026-11-02T15:00:00Z') },
});

function analysedMetric(i: number): AnalysedMetric {
  const history = Array.from({ length: 12 }, (_, m) => ({
    period: `2026-${String(m + 1).padStart(2, '0')}`,
    actual: m === 11 ? 70 : 90 + (m % 4),
    target: 95,
    note: m === 11 ? 'Storm week' : null,
  }));
  return {
    metricId: i,
    key: `m${i}`,
    name: `Metric ${i}`,
    unit: '%',
    rule,
    history,
    analysis: analyseMetric({ rule, points: history, ytdAggregation: 'mean' }),
    note: 'Storm week',
    origin: { kind: 'typed' },
  };
}

describe('simple messages and modals', () => {
  it('help, notice', () => {
    expectValidMessage(buildHelpMessage('nope'));
    expectValidView(buildNoticeModal('A title far longer than twenty-four characters', 'x'.repeat(4000)), 'modal');
  });
  it('the follow-up answer modal, for each answer', () => {
    for (const kind of ['done', 'update', 'more_time', 'blocked'] as const) {
      expectValidView(buildFollowUpAnswerModal(card, kind), 'modal');
      expect(ANSWER_THANKS[kind]).toBeTruthy();
    }
  });
});

describe('status message', () => {
  it('is valid, and a program with hundreds of departments is paged, not cut', () => {
    for (const page of buildStatusMessage(status(4))) expectValidMessage(page);
    const pages = buildStatusMessage(status(1200));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expectValidMessage(page);
      expect(page.blocks.length).toBeLessThanOrEqual(50);
    }
    const all = JSON.stringify(pages);
    for (const i of [1, 600, 1200]) expect(all).toContain(`Department ${i} &lt;x&gt;`);
  });
});

describe('meeting list', () => {
  const rows = (n: number): MeetingRow[] =>
    Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      name: `Roundtable <${i + 1}>`,
      startsAt: new Date(Date.UTC(2026, 11, 1 + (i % 28), 15)),
      departmentKeys: ['DPW', 'WATER'],
      packetPosted: i % 2 === 0,
    }));
  it('is valid when empty and when short', () => {
    for (const page of buildMeetingList([], TZ)) expectValidMessage(page);
    for (const page of buildMeetingList(rows(3), TZ)) expectValidMessage(page);
  });
  it('pages a long list instead of cutting it at 3,000 characters', () => {
    const pages = buildMeetingList(rows(400), TZ);
    const all = JSON.stringify(pages);
    for (const i of [1, 200, 400]) expect(all).toContain(`*#${i}*`);
    for (const page of pages) {
      expectValidMessage(page);
      for (const b of page.blocks) if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
    }
  });
});

describe('follow-up modal', () => {
  it('is valid, pre-filled', () => {
    const view = buildFollowUpModal({
      departments: [{ id: 1, name: 'Public Works' }],
      metrics: [{ id: 2, name: 'Potholes', departmentName: 'Public Works' }],
      ownerUserId: 'U0OWNER1',
      dueDate: '2026-12-01',
      departmentId: 1,
      metricId: 2,
      text: 'Decide <now>',
      sourceLink: 'https://example.slack.com/archives/C1/p1',
      note: 'I could not read that date',
    });
    expectValidView(view, 'modal');
    expect(JSON.stringify(view)).toContain('"initial_user":"U0OWNER1"');
  });
  it('offers every department and metric of a big program, in groups, instead of the first 100', () => {
    const departments = Array.from({ length: 130 }, (_, i) => ({
      id: i + 1,
      name: `${'ABCDEFGHIJ'[i % 10]}dept ${i + 1}`,
    }));
    const metrics = Array.from({ length: 450 }, (_, i) => ({
      id: i + 1,
      name: `Metric ${i + 1}`,
      departmentName: departments[i % 40]!.name,
    }));
    const view = buildFollowUpModal({ departments, metrics, departmentId: 130, metricId: 450 });
    expectValidView(view, 'modal');
    const isInput = (b: ModalView['blocks'][number]): b is InputBlock => b.type === 'input';
    const offered = (blockId: string) =>
      view.blocks.filter(isInput).flatMap((b) => {
        if (b.block_id !== blockId || b.element.type !== 'static_select') return [];
        const { options = [], option_groups = [] } = b.element;
        return [...options, ...option_groups.flatMap((g) => g.options)].map((o) => Number(o.value));
      });
    expect(offered('followup_department').sort((a, b) => a - b)).toEqual(departments.map((d) => d.id));
    expect(offered('followup_metric').sort((a, b) => a - b)).toEqual(metrics.map((m) => m.id));
    expect(JSON.stringify(view).match(/"initial_option"/g)).toHaveLength(2);
  });
  it('with over 100 departments that have metrics, lists the chosen department’s metrics', () => {
    const departments = Array.from({ length: 130 }, (_, i) => ({ id: i + 1, name: `Dept ${i + 1}` }));
    const metrics = departments.map((d) => ({ id: d.id, name: `Metric of ${d.name}`, departmentName: d.name }));
    const view = buildFollowUpModal({ departments, metrics, departmentId: 130 });
    expectValidView(view, 'modal');
    expect(JSON.stringify(view)).toContain('Metric of Dept 130');
    expect(JSON.stringify(view)).not.toContain('Metric of Dept 1"');
  });
});

describe('lists', () => {
  it('follow-up list: valid, titled, paged', () => {
    for (const filter of [
      { kind: 'mine' },
      { kind: 'overdue' },
      { kind: 'all' },
      { kind: 'department', key: 'DPW' },
    ] as const)
      expect(followUpListTitle(filter)).toBeTruthy();
    for (const page of buildFollowUpList('Overdue follow-ups', [])) expectValidMessage(page);
    const pages = buildFollowUpList(
      'All open follow-ups',
      Array.from({ length: 120 }, (_, i) => agendaFollowUp(i + 1)),
    );
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expectValidMessage(page);
  });
  it('submission confirmation: valid', () => {
    const pages = buildSubmissionConfirmation({
      departmentId: 1,
      departmentName: 'Public Works',
      period: '2026-10',
      periodLabel: 'October 2026',
      revised: true,
      missing: ['Potholes <filled>'],
      rows: [
        {
          name: 'On time',
          unit: '%',
          rule,
          target: 95,
          value: 99999999999.9,
          notAvailable: false,
          note: null,
          status: 'on_target',
        },
        {
          name: 'Missing',
          unit: '',
          rule,
          target: null,
          value: null,
          notAvailable: true,
          note: 'Outage',
          status: 'no_data',
        },
      ],
    });
    for (const page of pages) expectValidMessage(page);
  });
});

describe('agenda', () => {
  it('is valid, with and without buttons, and long agendas are paged', () => {
    const agenda: Agenda = {
      meeting: {
        id: 3,
        name: 'Roundtable',
        startsAt: new Date('2026-11-05T15:00:00Z'),
        channelId: 'C0ROUND01',
        chairUserId: 'U0CHAIR01',
        departmentKeys: ['DPW'],
      },
      period: '2026-10',
      periodLabel: 'October 2026',
      coverage: [
        {
          departmentId: 1,
          departmentName: 'Public Works',
          monthly: '2026-10',
          quarterly: '2026-Q3',
          notDue: [],
          lockable: ['2026-10'],
        },
      ],
      recognitions: [],
      numbers: { entered: 1, total: 1 },
      departments: [{ id: 1, key: 'DPW', name: 'Public Works', metrics: [analysedMetric(1)] }],
      items: Array.from({ length: 40 }, (_, i) => ({
        ...analysedMetric(i + 1),
        departmentId: 1,
        departmentName: 'Public Works',
        score: 40 - i,
      })),
      followUps: Array.from({ length: 30 }, (_, i) => agendaFollowUp(i + 1)),
      missing: [statusRow(9, 'late')],
      timezone: TZ,
    };
    for (const interactive of [true, false]) {
      const pages = buildAgendaMessages(agenda, { interactive });
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expectValidMessage(page);
    }
  });
});

describe('App Home', () => {
  const home = (followUps: number, staff: boolean): HomeData => ({
    programName: 'Riverton Stat',
    status: status(3),
    myDepartments: [1, 2],
    myFollowUps: Array.from({ length: Math.min(followUps, 20) }, (_, i) => ({
      ...card,
      id: i + 1,
      ownerUserId: 'U0OWNER1',
    })),
    myFollowUpTotal: followUps,
    staff: staff
      ? {
          overdueFollowUps: [{ ...card, ownerUserId: 'U0OWNER1' }],
          nextMeetings: [{ name: 'Roundtable', startsAt: new Date('2026-12-03T15:00:00Z'), departmentKeys: ['DPW'] }],
        }
      : null,
    timezone: TZ,
  });
  it('is a valid home view for a liaison and for a chair', () => {
    expectValidView(buildHomeView(home(0, false)), 'home');
    expectValidView(buildHomeView(home(3, true)), 'home');
  });
  it('says how many follow-ups are not shown instead of dropping them silently', () => {
    const view = buildHomeView(home(57, true));
    expectValidView(view, 'home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view)).toContain('(57)');
    expect(JSON.stringify(view)).toContain('37 more');
  });
});
