// The late list counts, per active department, its active metrics of the period's frequency and
// how many of them have a value for the period (one raw statement, see collection-status.ts): the
// counts must match the stored rows for monthly, quarterly and weekly periods, with an inactive
// metric, an inactive department, other periods' values and a narrowed list.
import { describe, expect, it } from 'vitest';
import { frequencyOfPeriod } from '../../src/domain/calendar/index.js';
import { getCollectionStatus } from '../../src/services/collection/collection-status.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

const NOW = new Date('2026-11-09T13:00:00Z');
const stack = useLocalStack({ now: NOW.toISOString() });

describe('getCollectionStatus', () => {
  it('counts each department’s metrics of the period and those with a value, as stored', async () => {
    const prisma = stack().db.prisma;
    const departments = await prisma.department.findMany({ include: { metrics: true }, orderBy: { id: 'asc' } });
    const [first, second] = departments;
    const third = departments.find(
      (d) => d !== first && d !== second && d.metrics.every((m) => m.frequency === 'monthly'),
    );
    // Values in the periods counted, and in one that is not (it must not count).
    const periods = ['2026-10', '2026-Q3', '2026-W44'];
    for (const [i, m] of departments.flatMap((d) => d.metrics).entries()) {
      const period = periods.find((p) => frequencyOfPeriod(p) === m.frequency)!;
      const at = i % 2 === 0 ? period : m.frequency === 'monthly' ? '2026-09' : null;
      if (!at) continue;
      await prisma.metricValue.upsert({
        where: { metricId_period: { metricId: m.id, period: at } },
        create: { metricId: m.id, period: at, value: i, submittedBy: 'test', submittedAt: NOW },
        update: {},
      });
    }
    // An inactive metric with a value is not counted; an inactive department is not listed.
    const retired = first!.metrics.find((m) => m.frequency === 'monthly')!;
    await prisma.metric.update({ where: { id: retired.id }, data: { active: false } });
    await prisma.metricValue.upsert({
      where: { metricId_period: { metricId: retired.id, period: '2026-10' } },
      create: { metricId: retired.id, period: '2026-10', value: 1, submittedBy: 'test', submittedAt: NOW },
      update: {},
    });
    await prisma.department.update({ where: { id: third!.id }, data: { active: false } });

    for (const period of periods) {
      const expected = await prisma.department.findMany({
        where: { active: true },
        orderBy: { key: 'asc' },
        include: {
          metrics: {
            where: { active: true, frequency: frequencyOfPeriod(period) },
            include: { values: { where: { period } } },
          },
        },
      });
      const status = await getCollectionStatus(prisma, period, NOW);
      expect(status.rows.map((r) => [r.key, r.name, r.total, r.filled])).toEqual(
        expected.map((d) => [d.key, d.name, d.metrics.length, d.metrics.filter((m) => m.values.length > 0).length]),
      );
      // Some monthly counts are partial, so they are not all 0 or all full.
      if (period === '2026-10') expect(status.rows.some((r) => r.filled > 0 && r.filled < r.total)).toBe(true);
      else expect(status.rows.some((r) => r.total > 0)).toBe(true);
      expect(status.rows.map((r) => r.key)).not.toContain(third!.key);
    }
    const narrowed = await getCollectionStatus(prisma, '2026-10', NOW, [second!.key, first!.key, third!.key]);
    expect(narrowed.rows.map((r) => r.key)).toEqual([first!.key, second!.key].sort());
  });
});
