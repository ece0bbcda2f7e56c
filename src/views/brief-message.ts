// The monthly citywide brief: plain sentences first — what needs leadership's attention, what is
// worth recognising, goals at risk, overdue follow-ups by department, who has not submitted, and
// the program's health — split over several messages when long (never cut); charts follow in the
// thread.
import { formatDay } from '../domain/calendar/index.js';
import type { GoalStatus } from '../domain/goals/goal-status.js';
import type { HealthRow } from '../domain/health/program-health.js';
import { describeOffTargetRun } from '../domain/metric-analysis.js';
import { GOAL_STATUS_TEXT, type GoalView, NO_PLAN_YET } from './goals-message.js';
import { healthLine } from './health-message.js';
import { LIMITS } from './limits.js';
import { type AnalysedMetric, metricValueText } from './metric-line.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import { type MessagePage, paginateBlocks } from './paginate.js';
import type { KnownBlock } from './slack-message.js';
import type { DepartmentStatusRow } from './status-message.js';

export interface BriefMetric {
  metric: AnalysedMetric;
  departmentName: string;
  score: number;
  goalStatement: string | null;
  goalStatus: GoalStatus | null;
  noPlanYet: boolean;
}

export interface CitywideBrief {
  programName: string;
  month: string;
  monthLabel: string;
  attention: BriefMetric[];
  recognitions: BriefMetric[];
  goalsAtRisk: GoalView[];
  overdue: { departmentName: string; count: number; oldestDueDate: string }[];
  notSubmitted: DepartmentStatusRow[];
  health: HealthRow | undefined;
  /** The whole program's health month by month, up to the brief's month (charted in the thread). */
  healthSeries: HealthRow[];
  numbers: { entered: number; total: number };
}

export const BRIEF_CHARTS_COMMENT = 'Charts for the metrics above: actual against target, with their normal variation.';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(b: CitywideBrief): string {
  const overdue = b.overdue.reduce((n, o) => n + o.count, 0);
  return [
    `${b.numbers.entered} of ${b.numbers.total} metrics reported for ${b.monthLabel}`,
    `${plural(b.attention.length, 'metric')} to look at`,
    `${plural(b.recognitions.length, 'improvement')} worth recognising`,
    `${plural(b.goalsAtRisk.length, 'goal')} at risk or off track`,
    `${plural(overdue, 'follow-up')} overdue`,
    `${plural(b.notSubmitted.length, 'department')} not fully submitted`,
  ].join(', ');
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function goalCountsText(g: GoalView): string {
  const r = g.rollUp;
  const parts = [
    `${r.offTarget} off target`,
    ...(r.near ? [`${r.near} near target`] : []),
    ...(r.wrongWay ? [`${r.wrongWay} signalling the wrong way`] : []),
  ];
  return `of ${plural(r.measured, 'measured metric')}, ${parts.join(', ')}`;
}

function attentionText(x: BriefMetric, i: number): string {
  const a = x.metric.analysis;
  const run = describeOffTargetRun(a);
  const goal = x.goalStatement
    ? ` It serves the goal “${escapeMrkdwn(x.goalStatement)}” (${GOAL_STATUS_TEXT[x.goalStatus ?? 'not_measured'].replace(/^:[a-z_]+: /, '').toLowerCase()}).`
    : '';
  return [
    `*${i + 1}. ${escapeMrkdwn(x.departmentName)} — ${escapeMrkdwn(x.metric.name)}*: ${metricValueText(x.metric)}.`,
    `${sentence(escapeMrkdwn(a.signal.text))}${run ? ` ${run}.` : ''}${goal}`,
    ...(x.noPlanYet ? [NO_PLAN_YET] : []),
  ].join('\n');
}

export function buildBriefMessages(b: CitywideBrief): MessagePage[] {
  const title = `Citywide brief — ${b.monthLabel}`;
  const head: KnownBlock[] = [
    { type: 'header', text: plain(fitText(title, LIMITS.headerText)) },
    { type: 'section', text: md(`${escapeMrkdwn(b.programName)}: ${summary(b)}.`) },
  ];
  const body: KnownBlock[] = [{ type: 'section', text: md('*What needs leadership’s attention*') }];
  if (b.attention.length === 0)
    body.push({
      type: 'section',
      text: md(
        b.numbers.entered === 0
          ? `No ${b.monthLabel} numbers are in yet, so there is nothing to rank.`
          : 'Nothing needs attention: every metric with a number is on target or within normal variation.',
      ),
    });
  b.attention.forEach((x, i) => {
    body.push({ type: 'section', text: md(fitText(attentionText(x, i), LIMITS.sectionText)) });
  });
  const list = (heading: string, lines: string[]) => {
    if (lines.length === 0) return;
    for (let i = 0; i < lines.length; i += 15)
      body.push({
        type: 'section',
        text: md(fitText(`${i === 0 ? `*${heading}*\n` : ''}${lines.slice(i, i + 15).join('\n')}`, LIMITS.sectionText)),
      });
  };
  list(
    'Worth recognising',
    b.recognitions.map(
      (x) =>
        `• *${escapeMrkdwn(x.departmentName)} — ${escapeMrkdwn(x.metric.name)}*: ${escapeMrkdwn(x.metric.analysis.signal.text)}`,
    ),
  );
  list(
    'Goals at risk',
    b.goalsAtRisk.map(
      (g) =>
        `• ${GOAL_STATUS_TEXT[g.rollUp.status]} — ${escapeMrkdwn(g.statement)}${g.departmentName ? ` (${escapeMrkdwn(g.departmentName)})` : ''}: ${goalCountsText(g)}${g.metrics.some((m) => m.noPlanYet) ? ', one with no plan yet' : ''}`,
    ),
  );
  list(
    'Overdue follow-ups by department',
    b.overdue.map(
      (o) =>
        `• ${escapeMrkdwn(o.departmentName)}: ${plural(o.count, 'follow-up')} overdue, the oldest due ${formatDay(o.oldestDueDate)}`,
    ),
  );
  list(
    `Not submitted for ${b.monthLabel}`,
    b.notSubmitted.map(
      (r) =>
        `• ${escapeMrkdwn(r.name)}: ${r.state === 'late' ? `late ${plural(r.businessDaysLate, 'business day')}` : r.state.replace('_', ' ')} (${r.filled} of ${r.total} entered)`,
    ),
  );
  body.push({ type: 'context', elements: [md(escapeMrkdwn(healthLine(b.health)))] });
  return paginateBlocks(`${title}: ${summary(b)}`, head, body);
}
