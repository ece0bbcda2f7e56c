// The program's own health as CSV (issue 17): one row per month for the whole program (department
// empty) and for each department, every measure with its count and total so it can be re-weighted.
import { stringify } from 'csv-stringify/sync';
import type { Share } from '../../domain/health/program-health.js';
import type { Db } from '../../infra/db-types.js';
import { loadProgramHealth } from '../health/program-health.js';

const share = (s: Share | null) => (s ? [s.count, s.total, Math.round(s.share * 1000) / 1000] : ['', '', '']);

export async function exportHealthCsv(db: Db, now: Date): Promise<string> {
  const report = await loadProgramHealth(db, now, { months: 36 });
  const rows = report.rows.map((r) => {
    const m = r.measures;
    return [
      r.month,
      r.departmentKey ?? '',
      ...share(m.submittedOnTime),
      m.daysLate ?? '',
      ...share(m.revisedAfterPacket),
      ...share(m.closedOnTime),
      m.medianDaysToClose ?? '',
      ...share(m.answeredBeforeNextMeeting),
    ];
  });
  const triple = (name: string) => [`${name}_count`, `${name}_total`, `${name}_share`];
  return stringify([
    [
      'month',
      'department',
      ...triple('submitted_on_time'),
      'days_late',
      ...triple('revised_after_packet'),
      ...triple('followups_closed_on_time'),
      'median_days_to_close',
      ...triple('answered_before_next_meeting'),
    ],
    ...rows,
  ]);
}
