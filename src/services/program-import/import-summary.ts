// Counts what an import did, so a re-import of the same file can say "nothing changed", and what
// the admin should know about the program's timing (where collection starts, packets posted
// before their numbers are due).
import type { PacketBeforeDue } from '../../domain/meetings/packet-before-due.js';

export interface ImportSummary {
  created: Record<string, number>;
  updated: Record<string, number>;
  deactivated: Record<string, number>;
  /** Each active department's first collected period (null: no limit, recorded before starts existed). */
  startsWith: { department: string; period: string | null }[];
  /** Meetings whose packet goes out before a department's numbers are due. */
  packetsBeforeDue: PacketBeforeDue[];
  /** Goals (issue 17): what the admin should know, e.g. metrics' labels migrated into goals. */
  goalNotices: string[];
}

export function emptySummary(): ImportSummary {
  return { created: {}, updated: {}, deactivated: {}, startsWith: [], packetsBeforeDue: [], goalNotices: [] };
}

export function count(summary: ImportSummary, kind: 'created' | 'updated' | 'deactivated', what: string, n = 1): void {
  if (n > 0) summary[kind][what] = (summary[kind][what] ?? 0) + n;
}

export function isNoop(summary: ImportSummary): boolean {
  return [summary.created, summary.updated, summary.deactivated].every((m) => Object.keys(m).length === 0);
}

export function describeSummary(summary: ImportSummary): string {
  if (isNoop(summary)) return 'Nothing changed: the database already matches the file.';
  const part = (label: string, m: Record<string, number>) =>
    Object.keys(m).length
      ? `${label} ${Object.entries(m)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')}`
      : null;
  return [part('created', summary.created), part('updated', summary.updated), part('deactivated', summary.deactivated)]
    .filter(Boolean)
    .join('; ');
}
