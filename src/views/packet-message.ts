// The pre-meeting packet posted to the meeting channel: header, one compact summary per
// department, missing data and follow-ups. Charts follow in the thread.

import { formatWithUnit } from '../domain/number-format.js';
import type { Agenda } from './agenda-message.js';
import { followUpLine, formatMeetingTime } from './agenda-message.js';
import { describeTarget, formatVariance, statusText } from './format.js';
import { LIMITS } from './limits.js';
import { type AnalysedDepartment, type AnalysedMetric, originText } from './metric-line.js';
import { escapeMrkdwn, fitText, md, plain, possessive } from './mrkdwn.js';
import { paginateBlocks } from './paginate.js';
import { periodCoverageBlocks } from './period-coverage.js';
import type { KnownBlock, SlackMessage } from './slack-message.js';

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
  const origin = originText(m);
  return `${statusText(a.status)} — *${escapeMrkdwn(m.name)}*: ${value} (${describeTarget(m.rule, a.target, m.unit)})${variance}${signal}${origin ? ` · _${origin}_` : ''}`;
}

/** ", 3 pulled from city systems, 1 changed after pulling, 2 typed": said only when something was pulled. */
function originCounts(d: AnalysedDepartment): string {
  const count = (kind: string) => d.metrics.filter((m) => m.origin?.kind === kind).length;
  const pulled = count('pulled');
  const overridden = count('overridden');
  if (pulled + overridden === 0) return '';
  const parts = [`${pulled} pulled from city systems`];
  if (overridden) parts.push(`${overridden} changed after pulling`);
  parts.push(`${count('typed')} typed`);
  return `, ${parts.join(', ')}`;
}

/** One department's table; long departments continue in a second section rather than being cut. */
export function departmentSummaryBlocks(d: AnalysedDepartment): KnownBlock[] {
  const off = d.metrics.filter((m) => m.analysis.status === 'off_target').length;
  const signals = d.metrics.filter((m) => m.analysis.signal.isSignal).length;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: md(
        `*${escapeMrkdwn(d.name)}* — ${d.metrics.length} metrics, ${off} off target, ${signals} signal${signals === 1 ? '' : 's'}${originCounts(d)}`,
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

/** Said with the first chart in the packet's thread. */
export const PACKET_CHARTS_COMMENT =
  'Charts: actual against target over 24 months; faint lines are the natural process limits.';

export function buildPacketMessages(agenda: Agenda, chartFailures: number): SlackMessage[] {
  const chartNote =
    chartFailures > 0
      ? `${chartFailures} chart${chartFailures === 1 ? '' : 's'} could not be drawn; the table above has every number.`
      : null;
  const when = formatMeetingTime(agenda.meeting.startsAt, agenda.timezone);
  const head: KnownBlock[] = [
    { type: 'header', text: plain(fitText(`Packet — ${agenda.meeting.name}, ${when}`, LIMITS.headerText)) },
    {
      type: 'context',
      elements: [
        md(
          `${agenda.periodLabel} numbers · status is relative to each metric's target and tolerance; a *signal* is a change beyond the normal variation of the process as it is now (XmR limits per process segment, run rules, trends)`,
        ),
      ],
    },
    ...periodCoverageBlocks(agenda),
  ];
  const body: KnownBlock[] = agenda.departments.flatMap((d) => [...departmentSummaryBlocks(d), { type: 'divider' }]);
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
  // The head's sign-off (issue 15): numbers not yet approved are marked, never passed off as final.
  if (agenda.awaitingSignOff?.length)
    body.push({
      type: 'section',
      text: md(
        fitText(
          `*Awaiting sign-off* — these numbers may still change\n${agenda.awaitingSignOff.map((r) => `• ${escapeMrkdwn(r.name)}: ${r.signOff === 'returned' ? 'returned by the head for revision' : 'awaiting sign-off'}`).join('\n')}`,
          LIMITS.sectionText,
        ),
      ),
    });
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
export function buildChairBriefing(agenda: Agenda, packetLink: string | null): SlackMessage {
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

export interface ChartImageModel {
  url: string;
  title: string;
  altText: string;
}

/** Charts a QuickChart server serves by URL, as image blocks (Slack fetches them): 20 to a message. */
export function buildChartImageMessages(images: ChartImageModel[]): SlackMessage[] {
  const pages: SlackMessage[] = [];
  for (let i = 0; i < images.length; i += LIMITS.imagesPerMessage)
    pages.push({
      text: 'Charts',
      blocks: images.slice(i, i + LIMITS.imagesPerMessage).map((img) => ({
        type: 'image',
        image_url: img.url,
        alt_text: fitText(img.altText, LIMITS.imageAltText),
        title: plain(fitText(img.title, LIMITS.imageTitle)),
      })),
    });
  return pages;
}

export interface RevisionNote {
  departmentName: string;
  periodLabel: string;
  userId: string;
  changes: { metricName: string; unit: string; decimals: number; oldValue: number | null; newValue: number | null }[];
}

/** In the packet's thread: numbers corrected after the packet was posted. */
export function buildRevisionNote(n: RevisionNote): SlackMessage {
  const show = (v: number | null, c: RevisionNote['changes'][number]) =>
    v === null ? 'not available' : formatWithUnit(v, c.unit, c.decimals);
  const lines = n.changes.map(
    (c) => `• ${escapeMrkdwn(c.metricName)}: ${show(c.oldValue, c)} → *${show(c.newValue, c)}*`,
  );
  const text = `:pencil2: Correction to ${possessive(escapeMrkdwn(n.departmentName))} ${n.periodLabel} numbers, by <@${n.userId}>:\n${lines.join('\n')}`;
  return {
    text: fitText(text, LIMITS.sectionText),
    blocks: [{ type: 'section', text: md(fitText(text, LIMITS.sectionText)) }],
  };
}
