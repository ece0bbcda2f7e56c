// The pre-meeting packet posted to the meeting channel: header, one compact summary per
// department, missing data and follow-ups. Charts follow in the thread.

import { formatWithUnit } from '../domain/number-format.js';
import type { AnalysedDepartment, AnalysedMetric } from '../services/roundtable/analyse-departments.js';
import type { Agenda } from '../services/roundtable/build-agenda.js';
import { followUpLine, formatMeetingTime } from './agenda-message.js';
import { describeTarget, formatVariance, statusText } from './format.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import { type MessagePage, paginateBlocks } from './paginate.js';

function summaryLine(m: AnalysedMetric): string {
  const a = m.analysis;
  const value = a.actual === null ? 'no data' : formatWithUnit(a.actual, m.unit, m.rule.decimals);
  const variance = a.actual === null ? '' : ` · ${formatVariance(a.actual, a.target, m.unit, m.rule.decimals)}`;
  const icon =
    a.signal.direction === 'unfavourable'
      ? ':rotating_light:'
      : a.signal.direction === 'favourable'
        ? ':seedling:'
        : ':mag:';
  const signal = a.signal.isSignal ? ` · ${icon} _${escapeMrkdwn(a.signal.text)}_` : '';
  return `${statusText(a.status)} — *${escapeMrkdwn(m.name)}*: ${value} (${describeTarget(m.rule, a.target, m.unit)})${variance}${signal}`;
}

/** One department's table; long departments continue in a second section rather than being cut. */
export function departmentSummaryBlocks(d: AnalysedDepartment): object[] {
  const off = d.metrics.filter((m) => m.analysis.status === 'off_target').length;
  const signals = d.metrics.filter((m) => m.analysis.signal.isSignal).length;
  const blocks: object[] = [
    {
      type: 'section',
      text: md(
        `*${escapeMrkdwn(d.name)}* — ${d.metrics.length} metrics, ${off} off target, ${signals} signal${signals === 1 ? '' : 's'}`,
      ),
    },
  ];
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length) blocks.push({ type: 'section', text: md(chunk.join('\n')) });
    chunk = [];
  };
  for (const m of d.metrics) {
    const line = fitText(summaryLine(m), 1000);
    if ([...chunk, line].join('\n').length > LIMITS.sectionText) flush();
    chunk.push(line);
  }
  flush();
  return blocks;
}

export function buildPacketMessages(agenda: Agenda, chartNote: string | null): MessagePage[] {
  const when = formatMeetingTime(agenda.meeting.startsAt, agenda.timezone);
  const head: object[] = [
    { type: 'header', text: plain(fitText(`Packet — ${agenda.meeting.name}, ${when}`, LIMITS.headerText)) },
    {
      type: 'context',
      elements: [
        md(
          `${agenda.periodLabel} numbers · status is relative to each metric's target and tolerance; a *signal* is a change beyond the normal variation of the process as it is now (XmR limits per process segment, run rules, trends)`,
        ),
      ],
    },
  ];
  const body: object[] = agenda.departments.flatMap((d) => [...departmentSummaryBlocks(d), { type: 'divider' }]);
  if (agenda.departments.length === 0)
    body.push({ type: 'section', text: md('This meeting has no departments on its rotation.') });
  if (agenda.missing.length) {
    body.push({
      type: 'section',
      text: md(
        fitText(
          `*Late or missing submissions*\n${agenda.missing.map((r) => `• ${escapeMrkdwn(r.name)}: ${r.filled} of ${r.total} entered${r.state === 'late' ? `, ${r.businessDaysLate} business days late` : ''}`).join('\n')}`,
          LIMITS.sectionText,
        ),
      ),
    });
  }
  const open = agenda.followUps.filter((f) => f.status === 'open');
  body.push({
    type: 'section',
    text: md(`*Open follow-ups* (${open.length}, ${open.filter((f) => f.overdue).length} overdue)`),
  });
  for (const f of open) body.push({ type: 'section', text: md(fitText(followUpLine(f), LIMITS.sectionText)) });
  if (chartNote) body.push({ type: 'context', elements: [md(escapeMrkdwn(chartNote))] });
  return paginateBlocks(`Packet for ${agenda.meeting.name}, ${when} (${agenda.periodLabel})`, head, body);
}

/** The chair's short briefing: the three to six items most worth the meeting's time. */
export function buildChairBriefing(agenda: Agenda, packetLink: string | null): MessagePage {
  const overdue = agenda.followUps.filter((f) => f.overdue || f.blocked);
  const items = [
    ...agenda.items
      .slice(0, 4)
      .map(
        (i) =>
          `• *${escapeMrkdwn(i.departmentName)} — ${escapeMrkdwn(i.name)}*: ${i.analysis.signal.isSignal ? escapeMrkdwn(i.analysis.signal.text) : statusText(i.analysis.status)}`,
      ),
    ...overdue
      .slice(0, 2)
      .map(
        (f) =>
          `• Follow-up ${f.overdue ? 'overdue' : 'blocked'}: ${escapeMrkdwn(fitText(f.text, 150))} (<@${f.ownerUserId}>)`,
      ),
  ].slice(0, 6);
  const when = formatMeetingTime(agenda.meeting.startsAt, agenda.timezone);
  const noNumbers = agenda.numbers.total > 0 && agenda.numbers.entered === 0;
  const intro = items.length
    ? `Worth the meeting's time (${when}):`
    : noNumbers
      ? `No ${agenda.periodLabel} numbers are in yet for ${when}: nothing to rank until they are.`
      : `Nothing needs attention for ${when} — a good meeting to hear what is working.`;
  const link = packetLink ? `\n<${packetLink}|Open the packet>` : '';
  return {
    text: `Briefing for ${agenda.meeting.name}, ${when}`,
    blocks: [
      { type: 'section', text: md(fitText(`:clipboard: ${intro}\n${items.join('\n')}${link}`, LIMITS.sectionText)) },
    ],
  };
}
