// The chair's agenda: what needs attention (wrong-way signals, values off target and for how
// long), ranked, each with "Record decision"; improvements worth recognising in a short section of
// their own; then follow-ups to report back on, then missing data. Shown privately first, with "Post to channel".
import { z } from 'zod';
import { formatDay } from '../domain/calendar/index.js';
import { NO_PLAN_YET } from './goals-message.js';
import { LIMITS } from './limits.js';
import { type AnalysedDepartment, type AnalysedMetric, metricDetailText } from './metric-line.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import { type MessagePage, paginateBlocks } from './paginate.js';
import { periodCoverageBlocks } from './period-coverage.js';
import type { KnownBlock } from './slack-message.js';
import type { DepartmentStatusRow } from './status-message.js';

/** Which periods one department is reviewed on, and what was held back because it is not yet due. */
export interface DepartmentCoverage {
  departmentId: number;
  departmentName: string;
  monthly: string;
  quarterly: string;
  /** Periods the meeting would normally review that were not due at packet time (with their due dates). */
  notDue: { period: string; periodLabel: string; dueDate: string }[];
  /** The periods posting the packet locks for this department. */
  lockable: string[];
}

export interface AgendaMetricItem extends AnalysedMetric {
  departmentId: number;
  departmentName: string;
  score: number;
  /** Off target or signalling the wrong way two periods running, with no open follow-up (goals, issue 17). */
  noPlanYet?: boolean;
}

export interface Agenda {
  meeting: {
    id: number;
    name: string;
    startsAt: Date;
    channelId: string;
    chairUserId: string;
    departmentKeys: string[];
  };
  /** The latest monthly period reviewed; `periodLabel` names every monthly period reviewed. */
  period: string;
  periodLabel: string;
  coverage: DepartmentCoverage[];
  departments: AnalysedDepartment[];
  /** Needs the meeting's attention, most pressing first. */
  items: AgendaMetricItem[];
  /** Moved the good way (and not off target): worth recognising, in their own short section. */
  recognitions: AgendaMetricItem[];
  /** How many of the meeting's metrics have a number for the period under review. */
  numbers: { entered: number; total: number };
  followUps: AgendaFollowUp[];
  missing: DepartmentStatusRow[];
  /** Departments whose numbers the head has not approved yet (`sign_off: head`). */
  awaitingSignOff?: DepartmentStatusRow[];
  timezone: string;
}

export interface AgendaFollowUp {
  id: number;
  text: string;
  ownerUserId: string;
  departmentName: string;
  metricName: string | null;
  dueDate: string;
  status: string;
  blocked: boolean;
  overdue: boolean;
  carried: boolean;
  latest: { kind: string; note: string; at: Date } | null;
}

export const RECORD_DECISION_ACTION_ID = 'stat_agenda_record_decision';
export const POST_AGENDA_ACTION_ID = 'stat_agenda_post';

const decisionSchema = z.object({ m: z.number().int(), d: z.number().int(), mt: z.number().int() });
export function encodeDecision(metricId: number, departmentId: number, meetingId: number): string {
  return JSON.stringify({ m: metricId, d: departmentId, mt: meetingId });
}
export function decodeDecision(value: string | undefined) {
  try {
    const p = decisionSchema.safeParse(JSON.parse(value ?? ''));
    return p.success ? { metricId: p.data.m, departmentId: p.data.d, meetingId: p.data.mt } : null;
  } catch {
    return null;
  }
}

export function formatMeetingTime(startsAt: Date, timezone: string): string {
  return startsAt
    .toLocaleString('en-GB', {
      timeZone: timezone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    })
    .replace(',', '');
}

const ANSWER_LABEL: Record<string, string> = {
  update: 'Update',
  done: 'Done',
  more_time: 'Asked for more time',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
  reassigned: 'Reassigned',
  due_changed: 'Date changed',
};

export function followUpLine(f: AgendaFollowUp): string {
  const state =
    f.status === 'done'
      ? ':white_check_mark: Done'
      : f.status === 'cancelled'
        ? ':heavy_minus_sign: Cancelled'
        : f.overdue
          ? ':red_circle: *Overdue*'
          : f.blocked
            ? ':construction: Blocked'
            : ':large_blue_circle: Open';
  const carried = f.carried ? ' · _carried from last meeting_' : '';
  const latest = f.latest
    ? `\n   _${ANSWER_LABEL[f.latest.kind] ?? f.latest.kind}:_ ${escapeMrkdwn(fitText(f.latest.note || '—', 300))}`
    : '';
  return `${state} — ${escapeMrkdwn(fitText(f.text, 300))} · <@${f.ownerUserId}> · due ${formatDay(f.dueDate)}${carried}${latest}`;
}

export function buildAgendaMessages(agenda: Agenda, opts: { interactive: boolean }): MessagePage[] {
  const when = formatMeetingTime(agenda.meeting.startsAt, agenda.timezone);
  const depts = agenda.departments.map((d) => d.name).join(', ') || 'no departments';
  const title = fitText(`Agenda — ${agenda.meeting.name}, ${when}`, LIMITS.headerText);
  const head: KnownBlock[] = [
    { type: 'header', text: plain(title) },
    {
      type: 'context',
      elements: [
        md(
          `${escapeMrkdwn(depts)} · ${agenda.periodLabel} numbers · wrong-way signals first, then how far and how long off target`,
        ),
      ],
    },
    ...periodCoverageBlocks(agenda),
  ];
  const body: KnownBlock[] = [];
  if (agenda.departments.length === 0)
    body.push({ type: 'section', text: md('This meeting has no departments on its rotation yet.') });
  body.push({ type: 'section', text: md(`*Needs attention* (${agenda.items.length})`) });
  const { entered, total } = agenda.numbers;
  if (total > 0 && entered === 0)
    body.push({
      type: 'section',
      text: md(
        `:hourglass_flowing_sand: No ${agenda.periodLabel} numbers are in yet (0 of ${total} metrics), so there is nothing to rank. Missing data is listed below.`,
      ),
    });
  else if (agenda.items.length === 0 && total > 0)
    body.push({
      type: 'section',
      text: md(
        `:large_green_circle: Nothing needs attention: every metric with a number is on target or within normal variation.${entered < total ? ` ${total - entered} of ${total} metrics have no ${agenda.periodLabel} number yet.` : ''}`,
      ),
    });
  else if (entered < total)
    body.push({
      type: 'context',
      elements: [md(`${total - entered} of ${total} metrics have no ${agenda.periodLabel} number yet.`)],
    });
  agenda.items.forEach((item, i) => {
    const section: Extract<KnownBlock, { type: 'section' }> = {
      type: 'section',
      text: md(
        fitText(
          `*${i + 1}. ${escapeMrkdwn(item.departmentName)} — ${escapeMrkdwn(item.name)}*\n${metricDetailText(item)}${item.noPlanYet ? `\n${NO_PLAN_YET}` : ''}`,
          LIMITS.sectionText,
        ),
      ),
    };
    if (opts.interactive)
      section.accessory = {
        type: 'button',
        action_id: RECORD_DECISION_ACTION_ID,
        text: plain('Record decision'),
        value: encodeDecision(item.metricId, item.departmentId, agenda.meeting.id),
      };
    body.push(section);
  });
  if (agenda.recognitions.length) {
    const lines = agenda.recognitions.map(
      (r) => `• *${escapeMrkdwn(r.departmentName)} — ${escapeMrkdwn(r.name)}*: ${escapeMrkdwn(r.analysis.signal.text)}`,
    );
    body.push(
      { type: 'divider' },
      {
        type: 'section',
        text: md(fitText(`*Worth recognising* (${lines.length})\n${lines.join('\n')}`, LIMITS.sectionText)),
      },
    );
  }
  body.push(
    { type: 'divider' },
    { type: 'section', text: md(`*Follow-ups to report back on* (${agenda.followUps.length})`) },
  );
  if (agenda.followUps.length === 0) body.push({ type: 'section', text: md('No open or recently closed follow-ups.') });
  for (const f of agenda.followUps)
    body.push({ type: 'section', text: md(fitText(followUpLine(f), LIMITS.sectionText)) });
  if (agenda.missing.length) {
    const lines = agenda.missing.map(
      (r) =>
        `• ${escapeMrkdwn(r.name)}: ${r.state === 'late' ? `late ${r.businessDaysLate} business day${r.businessDaysLate === 1 ? '' : 's'}` : r.state.replace('_', ' ')} (${r.filled} of ${r.total} entered)`,
    );
    body.push(
      { type: 'divider' },
      { type: 'section', text: md(fitText(`*Missing data*\n${lines.join('\n')}`, LIMITS.sectionText)) },
    );
  }
  const foot: KnownBlock[] = opts.interactive
    ? [
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: POST_AGENDA_ACTION_ID,
              text: plain('Post to channel'),
              value: String(agenda.meeting.id),
              style: 'primary',
            },
          ],
        },
      ]
    : [];
  return paginateBlocks(
    `Agenda — ${agenda.meeting.name}, ${when}: ${agenda.items.length} metrics, ${agenda.followUps.length} follow-ups`,
    head,
    body,
    foot,
  );
}
