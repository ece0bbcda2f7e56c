// Department obligations made in bulk (the agenda, the late list, ladder planning) must get the
// same due dates as one made alone, weekly periods included (a week is due two business days after
// it ends, not on the department's monthly rule).
import { describe, expect, it } from 'vitest';
import { ensureDepartmentPeriod, ensureDepartmentPeriods } from '../../src/services/collection/department-period.js';
import { loadProgramSettings } from '../../src/services/program-settings.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

const stack = useLocalStack({ now: '2026-11-09T13:00:00Z' });

describe('ensureDepartmentPeriods', () => {
  it('gives each period the due date ensureDepartmentPeriod gives it, and keeps rows already there', async () => {
    const prisma = stack().db.prisma;
    const settings = await loadProgramSettings(prisma);
    const departments = await prisma.department.findMany({ orderBy: { id: 'asc' } });
    expect(departments.length).toBeGreaterThanOrEqual(2);
    const [alone, ...rest] = departments;
    for (const period of ['2026-W44', '2026-10', '2026-Q3']) {
      const single = await ensureDepartmentPeriod(prisma, alone!, period, settings);
      const bulk = await ensureDepartmentPeriods(prisma, rest, period, settings);
      expect(bulk.size).toBe(rest.length);
      for (const d of rest) expect([period, bulk.get(d.id)?.dueDate]).toEqual([period, single.dueDate]);
      const again = await ensureDepartmentPeriods(prisma, departments, period, settings);
      expect(again.get(alone!.id)?.id).toBe(single.id);
      for (const d of rest) expect(again.get(d.id)?.id).toBe(bulk.get(d.id)?.id);
    }
    expect((await ensureDepartmentPeriods(prisma, [], '2026-10', settings)).size).toBe(0);
  });
});
