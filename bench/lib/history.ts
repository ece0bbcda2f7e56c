// Bulk history: monthly values for every active metric, inserted with createMany in chunks. The
// series are deterministic (seeded per metric) and some shift upwards near the end, so agendas and
// charts have off-target items and XmR signals to show.

import { periodsBack } from '../../src/domain/calendar/index.js';
import type { PrismaClient } from '../../src/infra/db-types.js';

const CHUNK = 5_000;

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts `months` monthly values ending at `lastPeriod` for each active monthly metric; returns the row count. */
export async function loadHistory(
  prisma: PrismaClient,
  opts: { lastPeriod: string; months: number; submittedAt: Date },
): Promise<number> {
  const metrics = await prisma.metric.findMany({
    where: { active: true, frequency: 'monthly' },
    orderBy: { id: 'asc' },
  });
  const periods = periodsBack(opts.lastPeriod, opts.months);
  const rows = metrics.flatMap((m) => {
    const random = seeded(m.id);
    const shifted = m.id % 4 === 0;
    return periods.map((period, i) => {
      const noise = (random() + random() + random() - 1.5) * 4;
      const shift = shifted && i >= periods.length - 8 ? 9 : 0;
      return {
        metricId: m.id,
        period,
        value: Math.round((60 + noise + shift) * 10) / 10,
        submittedBy: 'bench',
        submittedAt: opts.submittedAt,
      };
    });
  });
  for (let i = 0; i < rows.length; i += CHUNK) await prisma.metricValue.createMany({ data: rows.slice(i, i + CHUNK) });
  return rows.length;
}
