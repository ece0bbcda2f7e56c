// What the numbers form needs to know of each metric's pull for the period: the value offered and
// where it came from, or why there is none.
import { formatFetchedAt } from '../../domain/sources/fetched-label.js';
import { describeSource, sourceSchema } from '../../domain/sources/source-spec.js';
import type { Db } from '../../infra/db-types.js';
import { type Provenance, provenanceOf } from './pull-sources.js';

export interface FormPull {
  status: 'ok' | 'failed';
  value: number | null;
  note: string | null;
  reason: string | null;
  sourceLabel: string;
  fetchedLabel: string;
  /** The provenance a confirmed value keeps (ok pulls only). */
  provenance: Provenance | null;
}

export async function loadFormPulls(
  db: Db,
  metricIds: readonly number[],
  period: string,
  timezone: string,
): Promise<Map<number, FormPull>> {
  // The metrics' sources are read only when a pull exists: most forms have none, and every form
  // submission reads this before the ack (an include would cost its second query regardless).
  const rows = await db.sourcePull.findMany({ where: { period, metricId: { in: [...metricIds] } } });
  const out = new Map<number, FormPull>();
  if (rows.length === 0) return out;
  const metrics = await db.metric.findMany({
    where: { id: { in: rows.map((r) => r.metricId) } },
    select: { id: true, source: true },
  });
  const sources = new Map(metrics.map((m) => [m.id, m.source]));
  for (const r of rows) {
    const spec = sourceSchema.safeParse(sources.get(r.metricId));
    if (!spec.success) continue; // the source was removed from the program file since
    out.set(r.metricId, {
      status: r.status === 'ok' ? 'ok' : 'failed',
      value: r.value,
      note: r.note,
      reason: r.reason,
      sourceLabel: describeSource(spec.data),
      fetchedLabel: formatFetchedAt(r.fetchedAt, timezone),
      provenance: r.status === 'ok' && r.value !== null ? provenanceOf(spec.data, r, r.value, false) : null,
    });
  }
  return out;
}
