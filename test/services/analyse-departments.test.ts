// The analysis reads its values in one raw statement (one JSON row, see analyse-departments.ts):
// every point must still carry the stored number, note and origin, for monthly, quarterly and
// weekly metrics, with awkward notes, exact decimals, gaps and a source's provenance.
import { describe, expect, it } from 'vitest';
import { lastWeekOfMonth } from '../../src/domain/calendar/index.js';
import { valueOrigin } from '../../src/domain/sources/value-origin.js';
import { analyseDepartments } from '../../src/services/roundtable/analyse-departments.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

const NOW = new Date('2026-11-09T13:00:00Z');
const stack = useLocalStack({ now: NOW.toISOString() });

const provenance = {
  kind: 'sql',
  label: 'the finance system',
  hash: 'abc',
  fetchedAt: '2026-11-02T10:00:00.000Z',
  raw: { rows: [[1, 'x']], big: 12345678901234 },
  changedByPerson: true,
  pulledValue: 240000.5,
};
/** Values that a careless read would get wrong: float digits, tiny and huge numbers, quotes, newlines. */
const odd = [
  { value: 0.1 + 0.2, note: 'He said "about" 30%\nand a backslash \\ too', provenance },
  {
    value: 1e-7,
    note: 'ünïcödé — “quoted” ✓',
    provenance: { kind: 'csv', label: null, pulledValue: 1e-7, changedByPerson: false },
  },
  { value: -123456789.0123, note: null, provenance: null },
  { value: null, note: 'Not available: system down', provenance: null },
];

describe('analyseDepartments', () => {
  it('gives every point the stored value and note, and the reviewed period its origin', async () => {
    const prisma = stack().db.prisma;
    const departments = await prisma.department.findMany({
      include: { metrics: { where: { active: true }, orderBy: { id: 'asc' } } },
      orderBy: { key: 'asc' },
    });
    const monthly = '2026-10';
    const quarterly = '2026-Q3';
    const weekly = lastWeekOfMonth(monthly);
    const metrics = departments.flatMap((d) => d.metrics);
    expect(new Set(metrics.map((m) => m.frequency))).toEqual(new Set(['monthly', 'quarterly', 'weekly']));
    // Two periods per metric: the reviewed one and one earlier, each with one of the odd values.
    const periodsOf = (frequency: string) =>
      frequency === 'quarterly'
        ? [quarterly, '2025-Q4']
        : frequency === 'weekly'
          ? [weekly, '2026-W30']
          : [monthly, '2025-12'];
    for (const [j, m] of metrics.entries())
      for (const [k, period] of periodsOf(m.frequency).entries()) {
        const v = odd[(j + k) % odd.length]!;
        await prisma.metricValue.upsert({
          where: { metricId_period: { metricId: m.id, period } },
          create: {
            metricId: m.id,
            period,
            value: v.value,
            notAvailable: v.value === null,
            note: v.note,
            provenance: v.provenance ?? undefined,
            submittedBy: 'test',
            submittedAt: NOW,
          },
          update: {},
        });
      }

    const keys = departments.map((d) => d.key);
    const analysed = await analyseDepartments(prisma, keys, monthly, quarterly);
    const stored = await prisma.metricValue.findMany({ where: { metricId: { in: metrics.map((m) => m.id) } } });
    const byKey = new Map(stored.map((v) => [`${v.metricId}/${v.period}`, v]));
    let points = 0;
    let withValues = 0;
    for (const d of analysed)
      for (const m of d.metrics) {
        for (const p of m.history) {
          const v = byKey.get(`${m.metricId}/${p.period}`);
          expect([m.key, p.period, p.actual, p.note]).toEqual([m.key, p.period, v?.value ?? null, v?.note ?? null]);
          points++;
          if (v) withValues++;
        }
        const reviewed = m.history.at(-1)!.period;
        const v = byKey.get(`${m.metricId}/${reviewed}`);
        expect([m.key, m.note, m.origin]).toEqual([m.key, v?.note ?? null, v ? valueOrigin(v.provenance) : null]);
      }
    expect(analysed.map((d) => d.key)).toEqual(keys);
    expect(analysed.flatMap((d) => d.metrics).length).toBe(metrics.length);
    expect(withValues).toBeGreaterThanOrEqual(metrics.length * 2);
    expect(points).toBeGreaterThan(withValues);
    // The origins the packet words come out as stored: overridden, pulled and typed all appear.
    const origins = analysed.flatMap((d) => d.metrics.map((m) => m.origin?.kind));
    expect(new Set(origins)).toEqual(new Set(['overridden', 'pulled', 'typed']));
  });
});
