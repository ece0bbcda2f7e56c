// Enters a department's monthly numbers straight through the submission service, as its liaison
// would through the form: for tests of what comes after collection (health, the brief).
import { expect } from 'vitest';
import type { LocalStack } from '../../local-stack/local-stack.js';
import { ensureDepartmentPeriod } from '../../src/services/collection/department-period.js';
import { recordSubmission } from '../../src/services/collection/record-submission.js';
import { loadProgramSettings } from '../../src/services/program-settings.js';

/** `values` by metric key; metrics not named get `fallback` (null: left out). */
export async function submitMonth(
  s: LocalStack,
  key: string,
  period: string,
  at: string,
  values: Record<string, number> = {},
  fallback: number | null = 50,
) {
  const dept = await s.db.prisma.department.findUniqueOrThrow({
    where: { key },
    include: { metrics: { where: { frequency: 'monthly', active: true }, include: { targets: true } } },
  });
  await ensureDepartmentPeriod(s.db.prisma, dept, period, await loadProgramSettings(s.db.prisma));
  const entries = dept.metrics.flatMap((m) => {
    const value = values[m.key] ?? fallback;
    return value === null ? [] : [{ metricId: m.id, value, notAvailable: false, note: 'entered by a test' }];
  });
  const outcome = await recordSubmission(s.db.prisma, {
    departmentId: dept.id,
    period,
    entries,
    userId: 'U0DPWLIA1',
    now: new Date(at),
    interactionKey: `${key}-${period}-${at}`,
    dueMetricIds: dept.metrics.map((m) => m.id),
  });
  expect(outcome.kind).toBe('saved');
  return dept;
}
