// One line per department that a packet or agenda reviews on an earlier period, because the
// period the meeting would normally review was not yet due when the packet went out.

import { formatDay, formatPeriodLabel } from '../domain/calendar/index.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md } from './mrkdwn.js';
import type { KnownBlock } from './slack-message.js';

/** What these lines need of an agenda: for each department, the periods shown and those held back. */
export interface PeriodCoverageView {
  coverage: readonly {
    departmentName: string;
    monthly: string;
    quarterly: string;
    notDue: readonly { period: string; periodLabel: string; dueDate: string }[];
  }[];
}

export function periodCoverageLines(agenda: PeriodCoverageView): string[] {
  return agenda.coverage.flatMap((c) =>
    c.notDue.map((held) => {
      const shown = formatPeriodLabel(held.period.includes('Q') ? c.quarterly : c.monthly);
      return `:information_source: *${escapeMrkdwn(c.departmentName)}* is shown for ${shown}: its ${held.periodLabel} numbers are not due until ${formatDay(held.dueDate)}, after this packet, and stay open until then.`;
    }),
  );
}

/** The lines as one section (a meeting has at most three departments), or nothing when all are on their usual period. */
export function periodCoverageBlocks(agenda: PeriodCoverageView): KnownBlock[] {
  const lines = periodCoverageLines(agenda);
  return lines.length ? [{ type: 'section', text: md(fitText(lines.join('\n'), LIMITS.sectionText)) }] : [];
}
