// Past values from the history CSV. A changed value becomes a new revision (source "import"),
// so the audit trail shows the import that changed it. One read, then only the differences written.

import type { HistoryRow } from '../../domain/program/csv-rows.js';
import type { Db } from '../../infra/db-types.js';
import { count, type ImportSummary } from './import-summary.js';

export class HistoryReferenceError extends Error {}

export async function importHistory(db: Db, rows: HistoryRow[], actor: string, now: Date, summary: ImportSummary) {
  if (rows.length === 0) return;
  const metrics = await db.metric.findMany({ include: { department: true } });
  const metricId = new Map(metrics.map((m) => [`${m.department.key}/${m.key}`, m.id]));
  const unknown = rows.filter((r) => !metricId.has(`${r.department}/${r.metric}`));
  if (unknown.length) {
    const names = [...new Set(unknown.map((r) => `${r.department}/${r.metric}`))].slice(0, 5).join(', ');
    throw new HistoryReferenceError(`history names metrics that are not in the program: ${names}`);
  }
  const existing = await db.metricValue.findMany({
    where: { metricId: { in: [...new Set(rows.map((r) => metricId.get(`${r.department}/${r.metric}`)!))] } },
  });
  const byKey = new Map(existing.map((v) => [`${v.metricId}/${v.period}`, v]));
  const fresh = [];
  for (const r of rows) {
    const id = metricId.get(`${r.department}/${r.metric}`)!;
    const value = r.value ?? null;
    const note = r.note ?? null;
    const old = byKey.get(`${id}/${r.period}`);
    if (!old) {
      fresh.push({
        metricId: id,
        period: r.period,
        value,
        note,
        notAvailable: value === null,
        submittedBy: actor,
        submittedAt: now,
      });
      continue;
    }
    if (old.value === value && old.note === note) continue;
    const revision = old.revision + 1;
    await db.metricValue.update({
      where: { id: old.id },
      data: { value, note, notAvailable: value === null, revision, submittedBy: actor, submittedAt: now },
    });
    await db.metricValueRevision.create({
      data: {
        valueId: old.id,
        revision,
        oldValue: old.value,
        newValue: value,
        oldNote: old.note,
        newNote: note,
        notAvailable: value === null,
        changedBy: actor,
        changedAt: now,
        source: 'import',
      },
    });
    count(summary, 'updated', 'values');
  }
  if (fresh.length) {
    await db.metricValue.createMany({ data: fresh });
    const created = await db.metricValue.findMany({
      where: { revision: 1, submittedAt: now, submittedBy: actor, revisions: { none: {} } },
    });
    await db.metricValueRevision.createMany({
      data: created.map((v) => ({
        valueId: v.id,
        revision: 1,
        oldValue: null,
        newValue: v.value,
        newNote: v.note,
        notAvailable: v.notAvailable,
        changedBy: actor,
        changedAt: now,
        source: 'import',
      })),
    });
    count(summary, 'created', 'values', fresh.length);
  }
}
