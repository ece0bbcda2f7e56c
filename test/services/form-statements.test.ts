// The numbers form is saved before its ack (issue 11: p99 ≤ 1 s at 50 concurrent submissions). The
// embedded database answers one statement at a time, so the statements a submitted page sends,
// and the rows they bring back, are what it costs whatever the load: this counts them. It also
// holds the one-statement read of the form's metrics to what the stored rows say.
import { describe, expect, it } from 'vitest';
import { targetFor } from '../../src/domain/targets.js';
import { loadMetricContexts } from '../../src/services/collection/metric-context.js';
import { type SubmitRequest, submitNumbersPage } from '../../src/services/collection/submit-form.js';
import { useCountedStack } from '../helpers/use-counted-stack.js';

const NOW = new Date('2026-11-10T15:00:00Z');
const PERIOD = '2026-10';
// The ack bench's department: 4 metrics with two years of history.
const stack = useCountedStack(
  { departments: 2, metricsPerDepartment: 4, liaisonsPerDepartment: 1 },
  { lastPeriod: '2026-09', months: 24 },
  NOW,
);

async function request(key: string, value: number): Promise<SubmitRequest> {
  const { db, program } = stack();
  const dept = program.departments[0]!;
  const { id, metrics } = await db.prisma.department.findFirstOrThrow({
    where: { key: dept.key },
    include: { metrics: { orderBy: { id: 'asc' } } },
  });
  return {
    userId: dept.liaisons[0]!,
    departmentId: id,
    period: PERIOD,
    page: 0,
    // Already asked about, as the form carries it once the liaison confirmed an unusual value.
    confirmed: metrics.map((m) => [m.id, value]),
    entries: metrics.map((m) => ({ metricId: m.id, value: String(value), note: 'checked', notAvailable: false })),
    metricsPerPage: 10,
    interactionKey: key,
    now: NOW,
  };
}

describe('the statements of one submitted form page', () => {
  it('are 7 with the save as one, and bring back a handful of rows, not one per value', async () => {
    const { counted, sent } = stack();
    await submitNumbersPage(counted, await request('first', 50)); // the period's obligation, the first values
    sent.length = 0;
    const outcome = await submitNumbersPage(counted, await request('second', 60));
    expect(outcome).toMatchObject({ kind: 'saved', duplicate: false });
    expect(sent.map((q) => q.sql.trim().slice(0, 40))).toHaveLength(7);
    expect(sent.filter((q) => q.sql === 'BEGIN')).toEqual([]);
    // 4 metrics × 24 months of history come as one row per metric.
    expect(sent.reduce((n, q) => n + q.rows, 0)).toBeLessThan(12);
  });
});

describe('loadMetricContexts', () => {
  it('gives each metric the stored values: this period as current, the 24 before it as history', async () => {
    const { db } = stack();
    const { departmentId } = await request('unused', 0);
    const contexts = await loadMetricContexts(db.prisma, departmentId, PERIOD);
    const stored = await db.prisma.metric.findMany({
      where: { departmentId, active: true },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      include: { values: { orderBy: { period: 'asc' } }, targets: true },
    });
    expect(contexts.map((c) => c.id)).toEqual(stored.map((m) => m.id));
    for (const [i, m] of stored.entries()) {
      const c = contexts[i]!;
      const before = m.values.filter((v) => v.period < PERIOD).slice(-24);
      expect(before).toHaveLength(24);
      expect(c.history).toEqual(before.map((v) => ({ period: v.period, value: v.value })));
      const now = m.values.find((v) => v.period === PERIOD)!;
      expect(c.current).toEqual({
        value: now.value,
        notAvailable: now.notAvailable,
        note: now.note,
        revision: now.revision,
      });
      expect(c.target).toBe(targetFor(m.targets, PERIOD));
      expect(c.usualRange).not.toBeNull();
    }
  });
});
