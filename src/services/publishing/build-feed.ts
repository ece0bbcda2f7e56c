// From the stored snapshots to the feed the writer renders: only metrics that are public and active
// today, explanations only while the program publishes them.
import type { FeedRow } from '../../domain/publishing/feed-columns.js';
import type { Db } from '../../infra/db-types.js';
import type { PublicDepartment, PublicFeed } from '../../infra/publishing/feed-model.js';
import { isStoredPublicRecord } from './refresh-records.js';

export async function buildPublicFeed(
  db: Db,
  o: {
    program: { key: string; name: string };
    explanations: boolean;
    contact: { name: string; email: string } | null;
    baseUrl: string;
    now: Date;
  },
): Promise<PublicFeed> {
  const metrics = await db.metric.findMany({
    where: { isPublic: true, active: true, department: { active: true } },
    include: { department: true },
    orderBy: [{ department: { key: 'asc' } }, { sortOrder: 'asc' }, { id: 'asc' }],
  });
  const order = new Map(metrics.map((m, i) => [m.id, i]));
  const stored = await db.publishedRecord.findMany({ where: { metricId: { in: metrics.map((m) => m.id) } } });
  stored.sort((a, b) => order.get(a.metricId)! - order.get(b.metricId)! || a.period.localeCompare(b.period));
  const rows: FeedRow[] = [];
  const departments = new Map<number, PublicDepartment>();
  for (const s of stored) {
    const data = s.data;
    if (!isStoredPublicRecord(data)) continue;
    const row: FeedRow = {
      ...data.record,
      explanation: o.explanations ? data.record.explanation : null,
      revision: s.revision,
      first_published_at: s.firstPublishedAt.toISOString(),
      published_at: s.revisedAt.toISOString(),
    };
    rows.push(row);
    const dept = departments.get(s.departmentId) ?? { key: row.department_key, name: row.department, metrics: [] };
    departments.set(s.departmentId, dept);
    // Rows come oldest first, so the last one seen for a metric is its latest period.
    const at = dept.metrics.findIndex((m) => m.row.metric_key === row.metric_key);
    const metric = { row, series: data.series };
    if (at === -1) dept.metrics.push(metric);
    else dept.metrics[at] = metric;
  }
  return {
    program: o.program,
    publishedAt: o.now.toISOString(),
    baseUrl: o.baseUrl,
    contact: o.contact,
    rows,
    departments: [...departments.values()],
  };
}
