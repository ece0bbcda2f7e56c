// Whether a published value has changed since the last publication run: a correction made after an
// unlock (or records a failed write left unpublished). A few cheap queries per scheduler tick; the full republish runs only when this says so.
import type { Db } from '../../infra/db-types.js';

export async function hasUnpublishedCorrections(db: Db): Promise<boolean> {
  const last = await db.publication.findFirst({ orderBy: { at: 'desc' }, select: { at: true } });
  // Records stored by a run whose files were not written (the write failed) count as pending too.
  if (!last) return (await db.publishedRecord.count()) > 0;
  if ((await db.publishedRecord.count({ where: { revisedAt: { gt: last.at } } })) > 0) return true;
  const changed = await db.metricValue.findMany({
    where: { submittedAt: { gt: last.at } },
    select: { metricId: true, period: true },
  });
  if (changed.length === 0) return false;
  const published = await db.publishedRecord.count({
    where: { OR: changed.map((c) => ({ metricId: c.metricId, period: c.period })) },
  });
  return published > 0;
}
