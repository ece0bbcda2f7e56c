// The late list as a message: who has submitted, who is partial, who is late and by how much.
import type { KnownBlock } from '@slack/types';
import { formatDay } from '../domain/calendar/index.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';

const ROWS_PER_SECTION = 20;

export type DepartmentState = 'submitted' | 'partial' | 'late' | 'not_started' | 'nothing_due';

export interface DepartmentStatusRow {
  departmentId: number;
  key: string;
  name: string;
  state: DepartmentState;
  filled: number;
  total: number;
  dueDate: string;
  businessDaysLate: number;
  submittedAt: Date | null;
  // --- who and when (issue 15) ---
  /** The head's sign-off: null when not required. */
  signOff?: 'pending' | 'approved' | 'returned' | null;
  /** "Waiting on data": reminders paused until this day, and why. */
  waiting?: { until: string; reason: string } | null;
}

export interface CollectionStatus {
  period: string;
  periodLabel: string;
  rows: DepartmentStatusRow[];
}

const ORDER: Record<DepartmentStatusRow['state'], number> = {
  late: 0,
  partial: 1,
  not_started: 2,
  submitted: 3,
  nothing_due: 4,
};

/** What the chair should know beyond the state: the head's sign-off, a "waiting on data" pause. */
function extras(r: DepartmentStatusRow): string {
  const signOff =
    r.signOff === 'pending'
      ? ' — _awaiting sign-off_'
      : r.signOff === 'returned'
        ? ' — _returned by the head for revision_'
        : r.signOff === 'approved'
          ? ' — signed off'
          : '';
  const waiting = r.waiting
    ? ` — :hourglass_flowing_sand: waiting on data until ${formatDay(r.waiting.until)}: _${escapeMrkdwn(r.waiting.reason)}_`
    : '';
  return signOff + waiting;
}

function line(r: DepartmentStatusRow): string {
  return stateLine(r) + extras(r);
}

function stateLine(r: DepartmentStatusRow): string {
  const name = `*${escapeMrkdwn(r.name)}*`;
  switch (r.state) {
    case 'late':
      return `:red_circle: ${name} — *late ${r.businessDaysLate} business day${r.businessDaysLate === 1 ? '' : 's'}* (due ${formatDay(r.dueDate)}; ${r.filled} of ${r.total} entered)`;
    case 'partial':
      return `:large_yellow_circle: ${name} — partial: ${r.filled} of ${r.total} entered (due ${formatDay(r.dueDate)})`;
    case 'not_started':
      return `:white_circle: ${name} — not started (due ${formatDay(r.dueDate)})`;
    case 'submitted':
      return `:large_green_circle: ${name} — submitted (${r.total} of ${r.total})`;
    case 'nothing_due':
      return `:heavy_minus_sign: ${name} — nothing due this period`;
  }
}

/** The late list; a program with very many departments gets it in parts (50 blocks a message). */
export function buildStatusMessage(status: CollectionStatus): SlackMessage[] {
  const rows = [...status.rows].sort(
    (a, b) =>
      ORDER[a.state] - ORDER[b.state] || b.businessDaysLate - a.businessDaysLate || a.name.localeCompare(b.name),
  );
  const counts = (s: DepartmentStatusRow['state']) => rows.filter((r) => r.state === s).length;
  const summary = `${status.periodLabel}: ${counts('submitted')} submitted, ${counts('partial')} partial, ${counts('late')} late, ${counts('not_started')} not started`;
  // One section per 20 departments keeps each under the 3,000-character section limit.
  const sections: KnownBlock[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_SECTION)
    sections.push({
      type: 'section',
      text: md(
        rows
          .slice(i, i + ROWS_PER_SECTION)
          .map(line)
          .join('\n'),
      ),
    });
  const head: KnownBlock[] = [
    { type: 'header', text: plain(fitText(`Submissions — ${status.periodLabel}`, LIMITS.headerText)) },
    { type: 'context', elements: [md(summary)] },
  ];
  const perMessage = LIMITS.messageBlocks - head.length;
  const pages: KnownBlock[][] = [];
  for (let i = 0; i < sections.length || i === 0; i += perMessage) pages.push(sections.slice(i, i + perMessage));
  return pages.map((blocks, n) => ({
    text: pages.length > 1 ? `${summary} (part ${n + 1} of ${pages.length})` : summary,
    blocks: n === 0 ? [...head, ...blocks] : blocks,
  }));
}
