// Brings the published snapshots up to date: each public metric in each publishable period gets its
// record (the packet's own analysis), a new record is revision 1, a changed one the next revision.
import { isDeepStrictEqual } from 'node:util';
import {
  buildPublicRecord,
  buildPublicSeries,
  type PublicMetricInfo,
  type PublicRecord,
  type PublicSeriesPoint,
} from '../../domain/publishing/public-record.js';
import type { Frequency, Polarity } from '../../domain/types.js';
import type { Db } from '../../infra/db-types.js';
import { analyseDepartments } from '../roundtable/analyse-departments.js';
import type { PublishableSlot } from './publishable-periods.js';

export interface StoredPublicRecord {
  record: PublicRecord;
  series: PublicSeriesPoint[];
}

/** The JSON column as written by storeRecord (checked, not trusted: it is a database column). */
export function isStoredPublicRecord(v: unknown): v is StoredPublicRecord {
  if (typeof v !== 'object' || v === null) return false;
  const { record, series } = v as Partial<StoredPublicRecord>;
  return typeof record?.record_id === 'string' && Array.isArray(series);
}

export interface RefreshResult {
  created: number;
  revised: number;
  /** Records published for the first time, counted by period (oldest period first). */
  newPeriods: { period: string; metrics: number }[];
}

/** Explanations go out only for values a department had to explain: off target or not reported. */
const EXPLAINED = new Set(['off_target', 'no_data']);

export async function refreshPublishedRecords(
  db: Db,
  slots: readonly PublishableSlot[],
  o: { programKey: string; explanations: boolean; now: Date },
): Promise<RefreshResult> {
  const result: RefreshResult = { created: 0, revised: 0, newPeriods: [] };
  const byPeriod = new Map<string, string[]>();
  for (const s of slots) byPeriod.set(s.period, [...(byPeriod.get(s.period) ?? []), s.departmentKey]);
  for (const [period, keys] of [...byPeriod.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const departments = await analyseDepartments(db, keys, period, period);
    const metrics = await db.metric.findMany({
      where: { id: { in: departments.flatMap((d) => d.metrics.map((m) => m.metricId)) }, isPublic: true },
    });
    const info = new Map(metrics.map((m) => [m.id, m]));
    for (const d of departments) {
      for (const am of d.metrics) {
        const m = info.get(am.metricId);
        if (!m || am.analysis.period !== period) continue;
        const publicInfo: PublicMetricInfo = {
          programKey: o.programKey,
          departmentKey: d.key,
          departmentName: d.name,
          key: m.key,
          name: m.name,
          definition: m.definition,
          methodology: m.methodology,
          dataSource: m.dataSource,
          unit: m.unit,
          polarity: m.polarity as Polarity,
          frequency: m.frequency as Frequency,
          tolerance: m.tolerance,
          decimals: m.decimals,
          goal: m.goal,
          priority: m.priority,
        };
        const explanation = o.explanations && EXPLAINED.has(am.analysis.status) ? am.note : null;
        const data: StoredPublicRecord = {
          record: buildPublicRecord(publicInfo, am.analysis, explanation),
          series: buildPublicSeries(am.analysis, am.history),
        };
        const change = await storeRecord(db, { metricId: m.id, departmentId: d.id, period, data }, o.now);
        if (change === 'created') {
          result.created++;
          const entry = result.newPeriods.find((p) => p.period === period);
          if (entry) entry.metrics++;
          else result.newPeriods.push({ period, metrics: 1 });
        } else if (change === 'revised') result.revised++;
      }
    }
  }
  return result;
}

async function storeRecord(
  db: Db,
  r: { metricId: number; departmentId: number; period: string; data: StoredPublicRecord },
  now: Date,
): Promise<'created' | 'revised' | 'unchanged'> {
  const recordId = r.data.record.record_id;
  const json = JSON.parse(JSON.stringify(r.data));
  const existing = await db.publishedRecord.findUnique({ where: { recordId } });
  if (!existing) {
    await db.publishedRecord.create({
      data: {
        recordId,
        metricId: r.metricId,
        departmentId: r.departmentId,
        period: r.period,
        data: json,
        firstPublishedAt: now,
        revisedAt: now,
      },
    });
    return 'created';
  }
  if (isDeepStrictEqual(existing.data, json)) return 'unchanged';
  await db.publishedRecord.update({
    where: { recordId },
    data: { data: json, revision: existing.revision + 1, revisedAt: now },
  });
  return 'revised';
}
