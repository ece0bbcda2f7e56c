// A department with more metrics than one modal can hold: the form is split into pages, each page
// is saved as it is submitted, and nothing typed is lost.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS_PER_PAGE, SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { formValues } from '../helpers/forms.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

const METRICS = 30;
const LIAISON = 'U0BIGLIA1';
function writeBigProgram(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'statbot-big-'));
  const metrics = Array.from(
    { length: METRICS },
    (_, i) =>
      `      - { key: m${i + 1}, name: Measure ${i + 1}, unit: count, polarity: higher_is_better, target: 10, tolerance: 2, min: 0 }`,
  ).join('\n');
  writeFileSync(
    path.join(dir, 'big.yaml'),
    `program:\n  name: Big City Stat\n  timezone: America/Chicago\npeople:\n  - { slack_id: ${LIAISON}, name: Big Liaison, roles: ["liaison:BIG"] }\ndepartments:\n  - key: BIG\n    name: Department of Many Measures\n    metrics:\n${metrics}\n`,
  );
  return path.join(dir, 'big.yaml');
}
const stack = useLocalStack({ now: '2026-11-03T16:00:00Z', programFile: writeBigProgram() });

describe('a paged numbers form', () => {
  it('saves page 1, shows page 2, and keeps every value', async () => {
    const s = stack();
    const db = s.db;
    expect(METRICS).toBeGreaterThan(METRICS_PER_PAGE);
    await s.driver.slashCommand({ command: '/stat', text: 'submit', userId: LIAISON });
    const page1 = s.sandbox.openViews(LIAISON).find((v) => v.callback_id === SUBMISSION_CALLBACK_ID)!;
    expect(page1.blocks.length).toBeLessThanOrEqual(100);
    const first = Object.fromEntries(
      Array.from({ length: METRICS_PER_PAGE }, (_, i) => [`m${i + 1}`, { value: String(11 + i) }]),
    );
    const res1 = await s.driver.viewSubmission({
      userId: LIAISON,
      view: page1,
      values: await formValues(db.prisma, 'BIG', first),
    });
    expect(res1.body).toMatchObject({ response_action: 'update' });
    expect(await db.prisma.metricValue.count({ where: { period: '2026-10' } })).toBe(METRICS_PER_PAGE);
    const page2 = s.sandbox.openViews(LIAISON).find((v) => v.callback_id === SUBMISSION_CALLBACK_ID)!;
    expect(JSON.stringify(page2.blocks)).toContain(`page 2 of 2`);
    const rest = Object.fromEntries(
      Array.from({ length: METRICS - METRICS_PER_PAGE }, (_, i) => [`m${METRICS_PER_PAGE + i + 1}`, { value: '12' }]),
    );
    const res2 = await s.driver.viewSubmission({
      userId: LIAISON,
      view: page2,
      values: await formValues(db.prisma, 'BIG', rest),
    });
    expect(res2.body).toBeFalsy();
    expect(await db.prisma.metricValue.count({ where: { period: '2026-10' } })).toBe(METRICS);
    expect(
      (await db.prisma.departmentPeriod.findFirstOrThrow({ where: { period: '2026-10' } })).submittedAt,
    ).not.toBeNull();
    expect(s.sandbox.dmsTo(LIAISON).at(-1)!.text).toContain('Thank you — saved');
  });
});
