// `/stat health [department]`: how the stat program itself is doing, month by month, for the whole
// program and each department; and the one line the citywide brief carries.
import { formatPeriodLabel } from '../domain/calendar/index.js';
import type { HealthMeasures, HealthRow, Share } from '../domain/health/program-health.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import { type MessagePage, paginateBlocks } from './paginate.js';
import type { KnownBlock } from './slack-message.js';

export interface HealthReport {
  /** Oldest first. */
  months: string[];
  departments: { key: string; name: string }[];
  rows: HealthRow[];
}

/** Months shown in the tables (the whole series goes to the CSV and the chart). */
const TABLE_MONTHS = 6;

const pct = (s: Share | null) => (s ? `${Math.round(s.share * 100)}%` : '—');
const num = (n: number | null) => (n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(1));

const COLUMNS = ['month   ', 'on time', 'days late', 'revised', 'closed on time', 'median days', 'answered'];

function tableRow(month: string, m: HealthMeasures): string {
  const label = `${formatPeriodLabel(month).slice(0, 3)} ${month.slice(0, 4)}`;
  const cells = [
    label.padEnd(COLUMNS[0]!.length),
    pct(m.submittedOnTime),
    num(m.daysLate),
    pct(m.revisedAfterPacket),
    pct(m.closedOnTime),
    num(m.medianDaysToClose),
    pct(m.answeredBeforeNextMeeting),
  ];
  return cells.map((c, i) => (i === 0 ? c : c.padStart(COLUMNS[i]!.length))).join('  ');
}

export function healthTable(rows: readonly HealthRow[]): string {
  const shown = rows.slice(-TABLE_MONTHS);
  return ['```', COLUMNS.join('  '), ...shown.map((r) => tableRow(r.month, r.measures)), '```'].join('\n');
}

/** The brief's one line about the program itself. */
export function healthLine(row: HealthRow | undefined): string {
  if (!row) return 'Program health: nothing to measure yet.';
  const m = row.measures;
  const parts = [
    m.submittedOnTime
      ? `${pct(m.submittedOnTime)} of metrics in by the due date${m.daysLate ? ` (${num(m.daysLate)} business day${m.daysLate === 1 ? '' : 's'} late on average)` : ''}`
      : null,
    m.revisedAfterPacket ? `${pct(m.revisedAfterPacket)} revised after the packet` : null,
    m.closedOnTime ? `${pct(m.closedOnTime)} of follow-ups due closed on time` : null,
    m.medianDaysToClose !== null ? `median ${num(m.medianDaysToClose)} days to close` : null,
    m.answeredBeforeNextMeeting ? `${pct(m.answeredBeforeNextMeeting)} answered before the next meeting` : null,
  ].filter(Boolean);
  return `Program health, ${formatPeriodLabel(row.month)}: ${parts.length ? parts.join(', ') : 'nothing to measure yet'}.`;
}

const LEGEND =
  '_on time_: metrics in by the due date · _days late_: business days after it, on average · _revised_: values changed after the packet · _closed on time_: follow-ups due that month done by their date · _median days_: creation to done · _answered_: follow-ups answered before the next meeting';

export function buildHealthMessages(report: HealthReport, department?: string): MessagePage[] {
  const latest = report.months.at(-1);
  const title = `Program health${latest ? ` — ${formatPeriodLabel(latest)}` : ''}`;
  const program = report.rows.filter((r) => r.departmentKey === null);
  const head: KnownBlock[] = [
    { type: 'header', text: plain(fitText(title, LIMITS.headerText)) },
    { type: 'context', elements: [md(LEGEND)] },
  ];
  const body: KnownBlock[] = [];
  const wanted = department?.toLowerCase();
  const departments = report.departments.filter(
    (d) => !wanted || d.key.toLowerCase() === wanted || d.name.toLowerCase() === wanted,
  );
  if (report.months.length === 0)
    body.push({
      type: 'section',
      text: md('No month has closed since collection started, so there is nothing to measure yet.'),
    });
  else if (wanted && departments.length === 0)
    body.push({
      type: 'section',
      text: md(`I don't know a department called "${escapeMrkdwn(department?.slice(0, 60) ?? '')}".`),
    });
  else {
    if (!wanted) body.push({ type: 'section', text: md(`*Whole program*\n${healthTable(program)}`) });
    for (const d of departments)
      body.push({
        type: 'section',
        text: md(`*${escapeMrkdwn(d.name)}*\n${healthTable(report.rows.filter((r) => r.departmentKey === d.key))}`),
      });
  }
  return paginateBlocks(healthLine(program.at(-1)), head, body);
}
