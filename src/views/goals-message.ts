// `/stat goals [priority]`: each strategic priority's goals, worst first, with the status rolled
// up from their metrics and a "no plan yet" flag on a metric red twice running with no follow-up.
import { formatPeriodLabel } from '../domain/calendar/index.js';
import type { GoalRollUp, GoalStatus } from '../domain/goals/goal-status.js';
import { LIMITS } from './limits.js';
import { type AnalysedMetric, metricValueText } from './metric-line.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import { type MessagePage, paginateBlocks } from './paginate.js';
import type { KnownBlock } from './slack-message.js';

export interface GoalMetricView {
  metric: AnalysedMetric;
  departmentName: string;
  noPlanYet: boolean;
}

export interface GoalView {
  key: string;
  statement: string;
  departmentName: string | null;
  longTerm: { target: string; by: string } | null;
  shortTerm: { target: string; by: string } | null;
  fromLabels: boolean;
  rollUp: GoalRollUp;
  metrics: GoalMetricView[];
}

export interface GoalReport {
  period: string;
  periodLabel: string;
  /** The priority named in `/stat goals <priority>`, if any. */
  askedFor: string | null;
  priorities: { key: string; name: string; goals: GoalView[] }[];
}

export const GOAL_STATUS_TEXT: Record<GoalStatus, string> = {
  on_track: ':large_green_circle: On track',
  at_risk: ':large_yellow_circle: At risk',
  off_track: ':red_circle: Off track',
  not_measured: ':white_circle: Not measured yet',
};

export const NO_PLAN_YET =
  ':warning: *No plan yet* — off target or signalling the wrong way two periods running, with no open follow-up. Record one with `/stat followup`.';

/** "12 June 2030" — goal dates are years away, so the year is always shown. */
function longDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function goalMetricLine(x: GoalMetricView, reportPeriod: string): string {
  const p = x.metric.analysis.period;
  const when = p && p !== reportPeriod && p.length === reportPeriod.length ? ` _(${formatPeriodLabel(p)})_` : '';
  const flag = x.noPlanYet ? `\n   ${NO_PLAN_YET}` : '';
  return `• ${escapeMrkdwn(x.departmentName)} — ${escapeMrkdwn(x.metric.name)}${when}: ${metricValueText(x.metric)}${flag}`;
}

export function goalText(g: GoalView, reportPeriod: string): string {
  const who = g.departmentName ? ` · ${escapeMrkdwn(g.departmentName)}` : '';
  const targets = [
    g.shortTerm ? `Short term: ${escapeMrkdwn(g.shortTerm.target)} by ${longDay(g.shortTerm.by)}` : null,
    g.longTerm ? `Long term: ${escapeMrkdwn(g.longTerm.target)} by ${longDay(g.longTerm.by)}` : null,
  ].filter(Boolean);
  const metrics = g.metrics.length
    ? g.metrics.map((m) => goalMetricLine(m, reportPeriod)).join('\n')
    : '_No metric measures this goal yet._';
  return [
    `${GOAL_STATUS_TEXT[g.rollUp.status]} — *${escapeMrkdwn(g.statement)}*${who}`,
    ...(targets.length ? [`_${targets.join(' · ')}_`] : []),
    metrics,
  ].join('\n');
}

export function goalCounts(goals: readonly GoalView[]): string {
  const n = (s: GoalStatus) => goals.filter((g) => g.rollUp.status === s).length;
  return `${goals.length} goal${goals.length === 1 ? '' : 's'}: ${n('off_track')} off track, ${n('at_risk')} at risk, ${n('on_track')} on track, ${n('not_measured')} not measured yet`;
}

export function buildGoalsMessages(report: GoalReport): MessagePage[] {
  const goals = report.priorities.flatMap((p) => p.goals);
  const summary = goalCounts(goals);
  const head: KnownBlock[] = [
    { type: 'header', text: plain(fitText(`Goals — ${report.periodLabel}`, LIMITS.headerText)) },
    { type: 'context', elements: [md(`${summary} · status from each goal's metrics, worst first`)] },
  ];
  const body: KnownBlock[] = [];
  if (report.priorities.length === 0)
    body.push({
      type: 'section',
      text: md(
        report.askedFor
          ? `There is no strategic priority called "${escapeMrkdwn(report.askedFor.slice(0, 60))}". Try \`/stat goals\` for them all.`
          : 'No goals are declared yet. An admin adds them under `priorities:` in the program file.',
      ),
    });
  for (const p of report.priorities) {
    body.push({ type: 'header', text: plain(fitText(p.name, LIMITS.headerText)) });
    for (const g of p.goals)
      body.push({ type: 'section', text: md(fitText(goalText(g, report.period), LIMITS.sectionText)) });
  }
  return paginateBlocks(`Goals — ${report.periodLabel}: ${summary}`, head, body);
}
