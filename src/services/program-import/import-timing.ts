// After an import: where each department's collection starts, and which roundtables post their
// packet before a department's numbers are due (read back from the database, so a metric sheet
// that adds quarterly metrics is checked the same way as a full program file).
import { findPacketsBeforeDue } from '../../domain/meetings/packet-before-due.js';
import { parseRecurrence } from '../../domain/meetings/recurrence.js';
import type { Frequency } from '../../domain/types.js';
import type { Db } from '../../infra/db-types.js';
import { departmentDueRule } from '../collection/department-period.js';
import { loadProgramSettings } from '../program-settings.js';
import type { ImportSummary } from './import-summary.js';

export async function checkProgramTiming(db: Db, now: Date, summary: ImportSummary): Promise<void> {
  const settings = await loadProgramSettings(db);
  const departments = await db.department.findMany({
    where: { active: true },
    orderBy: { key: 'asc' },
    include: { metrics: { where: { active: true }, select: { frequency: true } } },
  });
  summary.startsWith = departments.map((d) => ({ department: d.key, period: d.startsWith }));
  const series = (await db.meetingSeries.findMany({ orderBy: { key: 'asc' } })).flatMap((s) => {
    const rule = parseRecurrence(s.recurrence);
    return rule.ok
      ? [{ name: s.name, recurrence: rule.value, rotation: s.rotation as string[][], leadHours: s.packetLeadHours }]
      : [];
  });
  summary.packetsBeforeDue = findPacketsBeforeDue({
    series,
    departments: departments.map((d) => ({
      key: d.key,
      name: d.name,
      dueRule: departmentDueRule(d, settings),
      // Weekly metrics have their own due rule and appear in a packet as the month's weeks so far:
      // a packet before the last week is due is their normal case, not a timing mistake.
      frequencies: [...new Set(d.metrics.map((m) => m.frequency as Frequency))].filter((f) => f !== 'weekly'),
    })),
    calendar: settings.calendar,
    sendTime: settings.reminders.sendTime,
    now,
  });
}
