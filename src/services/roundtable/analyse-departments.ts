// Analyses every active metric of the given departments for one period: the same numbers feed
// the packet, its charts, `/stat agenda` and the chair's briefing.

import { frequencyOfPeriod, lastWeekOfMonth, periodsBack } from '../../domain/calendar/index.js';
import { analyseMetric } from '../../domain/metric-analysis.js';
import { valueOrigin } from '../../domain/sources/value-origin.js';
import { targetFor } from '../../domain/targets.js';
import type { YtdAggregation } from '../../domain/trend.js';
import type { Db } from '../../infra/db-types.js';
import type { AnalysedDepartment, AnalysedMetric } from '../../views/metric-line.js';
import { ruleOf } from '../collection/metric-context.js';

export type { AnalysedDepartment, AnalysedMetric };

/**
 * Three years of monthly history (twelve quarters): enough for a settled baseline after a shift,
 * a trend, and a seasonal metric's same month in the two years before. Charts show the last 24.
 */
export const HISTORY_PERIODS = { monthly: 36, quarterly: 12, weekly: 104 } as const;

export async function analyseDepartments(
  db: Db,
  departmentKeys: readonly string[],
  monthlyPeriod: string,
  quarterlyPeriod: string,
  options: { fiscalYearStart?: number } = {},
): Promise<AnalysedDepartment[]> {
  const departments = await db.department.findMany({
    where: { key: { in: [...departmentKeys] } },
    // Only the columns the analysis reads (not the metrics' public definitions, sources and so on).
    select: {
      id: true,
      key: true,
      name: true,
      metrics: {
        where: { active: true },
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          key: true,
          name: true,
          unit: true,
          frequency: true,
          polarity: true,
          tolerance: true,
          decimals: true,
          minValue: true,
          maxValue: true,
          ytdAggregation: true,
          seasonal: true,
          baselineFrom: true,
          targets: { select: { effectiveFrom: true, value: true } },
        },
      },
    },
  });
  const order = new Map(departmentKeys.map((k, i) => [k, i]));
  departments.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  // Weekly metrics are reviewed on the last week of the month (its weeks are listed beside it).
  const weeklyPeriod = lastWeekOfMonth(monthlyPeriod);
  const windows = {
    monthly: periodsBack(monthlyPeriod, HISTORY_PERIODS.monthly),
    quarterly: periodsBack(quarterlyPeriod, HISTORY_PERIODS.quarterly),
    weekly: periodsBack(weeklyPeriod, HISTORY_PERIODS.weekly),
  };
  // One statement for every value in the window (an agenda over 50 departments stays a handful of
  // statements), only the columns the analysis reads, sent back as one JSON row: the embedded
  // database spends more on each row it sends than on finding it (2,160 rows of 3 departments: ~20 ms
  // as rows, ~8 ms as one JSON array), and one string is cheaper to read than 2,160 mapped rows.
  const values = await readValues(
    db,
    departments.flatMap((d) => d.metrics.map((m) => m.id)),
    [...windows.monthly, ...windows.quarterly, ...windows.weekly],
  );
  const valueByKey = new Map(values.map((v) => [`${v.metricId}/${v.period}`, v]));
  const out: AnalysedDepartment[] = [];
  for (const d of departments) {
    const metrics: AnalysedMetric[] = [];
    for (const m of d.metrics) {
      const frequency = m.frequency === 'quarterly' || m.frequency === 'weekly' ? m.frequency : 'monthly';
      const period = { monthly: monthlyPeriod, quarterly: quarterlyPeriod, weekly: weeklyPeriod }[frequency];
      if (frequencyOfPeriod(period) !== frequency) continue;
      const periods = windows[frequency];
      const at = (p: string) => valueByKey.get(`${m.id}/${p}`);
      const history = periods.map((p) => ({
        period: p,
        actual: at(p)?.value ?? null,
        target: targetFor(m.targets, p),
        note: at(p)?.note ?? null,
      }));
      const rule = ruleOf(m);
      const analysis = analyseMetric({
        rule,
        unit: m.unit,
        points: history,
        ytdAggregation: m.ytdAggregation as YtdAggregation,
        fiscalYearStartMonth: options.fiscalYearStart ?? 1,
        seasonal: m.seasonal,
        baselineFrom: m.baselineFrom,
      });
      metrics.push({
        metricId: m.id,
        key: m.key,
        name: m.name,
        unit: m.unit,
        rule,
        history,
        analysis,
        note: at(period)?.note ?? null,
        origin: at(period) ? valueOrigin(at(period)?.provenance) : null,
      });
    }
    out.push({ id: d.id, key: d.key, name: d.name, metrics });
  }
  return out;
}

type ValueRow = [metricId: number, period: string, value: number | null, note: string | null, provenance: unknown];

async function readValues(db: Db, metricIds: number[], periods: string[]) {
  const [row] = await db.$queryRaw<{ found: ValueRow[] | null }[]>`
    SELECT json_agg(json_build_array("metricId", period, value, note, provenance)) AS found
    FROM "MetricValue" WHERE "metricId" = ANY(${metricIds}::int[]) AND period = ANY(${periods}::text[])`;
  return (row?.found ?? []).map(([metricId, period, value, note, provenance]) => ({
    metricId,
    period,
    value,
    note,
    provenance,
  }));
}
