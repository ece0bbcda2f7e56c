// What `stat program import` prints after the counts: where collection starts, and a warning for
// each roundtable whose packet goes out before a department's numbers are due.
import { formatDay, formatPeriodLabel, previousPeriod } from '../domain/calendar/index.js';
import type { PacketBeforeDue } from '../domain/meetings/packet-before-due.js';
import { possessive } from './mrkdwn.js';

/** The parts of an import's summary this report reads. */
export interface ImportTimingView {
  startsWith: readonly { department: string; period: string | null }[];
  packetsBeforeDue: readonly PacketBeforeDue[];
}

export function describeCollectionStart(summary: ImportTimingView): string | null {
  const starts = summary.startsWith;
  if (starts.length === 0) return null;
  const label = (p: string | null) => (p === null ? 'no start recorded (collecting as before)' : formatPeriodLabel(p));
  const distinct = [...new Set(starts.map((s) => s.period))];
  if (distinct.length === 1)
    return `Collection starts with ${label(distinct[0]!)}: earlier periods are never collected, reminded or escalated.`;
  return `Collection starts with: ${starts.map((s) => `${s.department} ${label(s.period)}`).join(', ')}. Earlier periods are never collected, reminded or escalated.`;
}

export function describePacketsBeforeDue(summary: ImportTimingView): string[] {
  return summary.packetsBeforeDue.map((w) => {
    const period = formatPeriodLabel(w.period);
    const often =
      w.occurrences > 1
        ? ` The same happens at ${w.occurrences} of the next ${w.checked} meetings of this series.`
        : '';
    return (
      `Warning: ${w.series} on ${formatDay(w.meetingDay)} posts its packet on ${formatDay(w.packetDay)}, ` +
      `before ${possessive(w.department)} ${period} numbers are due (${formatDay(w.dueDate)}). ` +
      `That packet will show ${w.department} for ${formatPeriodLabel(previousPeriod(w.period))} instead and leave ${period} open.${often} ` +
      `To review ${period}, hold the meeting later in the month, shorten packet_lead_hours or move the due date earlier.`
    );
  });
}
