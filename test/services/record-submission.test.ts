// The numbers form's save (recordSubmission): all of a submission's values and revisions in one
// statement, its own transaction. A failure anywhere leaves nothing half-written, and the
// interaction key is not used up, so Slack's retry (or the person's) saves it.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { loadProgramFile } from '../../src/infra/program-file/load-program-file.js';
import { ensureDepartmentPeriod } from '../../src/services/collection/department-period.js';
import {
  recordSubmission,
  type SubmissionInput,
  type SubmissionOutcome,
} from '../../src/services/collection/record-submission.js';
import { importProgram } from '../../src/services/program-import/import-program.js';
import { loadProgramSettings } from '../../src/services/program-settings.js';

const NOW = new Date('2026-11-10T15:00:00Z');
const PERIOD = '2026-10';
let db: TestDatabase;
let input: (key: string, values: number[], at?: Date) => SubmissionInput;

beforeAll(async () => {
  db = await createTestDatabase();
  const program = await loadProgramFile('examples/riverton.yaml');
  if (!program.ok) throw new Error(program.errors.join('\n'));
  await importProgram(db.prisma, program.value, { actor: 'test', now: NOW });
  const dept = await db.prisma.department.findUniqueOrThrow({
    where: { key: 'DPW' },
    include: { metrics: { where: { frequency: 'monthly', active: true }, orderBy: { id: 'asc' } } },
  });
  await ensureDepartmentPeriod(db.prisma, dept, PERIOD, await loadProgramSettings(db.prisma));
  const ids = dept.metrics.map((m) => m.id);
  input = (key, values, at = NOW) => ({
    departmentId: dept.id,
    period: PERIOD,
    entries: values.map((value, i) => ({ metricId: ids[i]!, value, note: `why ${value}`, notAvailable: false })),
    userId: 'U0DPWLIA1',
    now: at,
    interactionKey: key,
    dueMetricIds: ids,
  });
});
afterAll(async () => {
  await db?.close();
});

const valuesOf = () =>
  db.prisma.metricValue.findMany({
    where: { period: PERIOD },
    orderBy: { metricId: 'asc' },
    include: { revisions: { orderBy: { revision: 'asc' } } },
  });

describe('recordSubmission', () => {
  it('saves every value with its revision, then a revised value as revision 2 with the old value kept', async () => {
    const first = await recordSubmission(db.prisma, input('v1', [10, 20, 30]));
    expect(first).toMatchObject({ kind: 'saved', changed: 3, complete: false, firstComplete: false, revisions: [] });
    const second = await recordSubmission(db.prisma, input('v2', [10, 25, 30]));
    expect(second).toMatchObject({ kind: 'saved', changed: 1, revisions: [{ oldValue: 20, newValue: 25 }] });
    const saved = await valuesOf();
    expect(saved.slice(0, 3).map((v) => [v.value, v.revision, v.note])).toEqual([
      [10, 1, 'why 10'],
      [25, 2, 'why 25'],
      [30, 1, 'why 30'],
    ]);
    expect(saved[1]!.revisions.map((r) => [r.revision, r.oldValue, r.newValue, r.oldNote, r.source])).toEqual([
      [1, null, 20, null, 'slack'],
      [2, 20, 25, 'why 20', 'slack'],
    ]);
    expect(saved[1]!.submittedAt.toISOString()).toBe(NOW.toISOString());
    expect(await recordSubmission(db.prisma, input('v2', [10, 99, 30]))).toEqual({ kind: 'duplicate' });
  });

  it('a failure while writing the revisions leaves nothing written and the key free for the retry', async () => {
    const before = await valuesOf();
    // The revision insert is the last write of the one statement that writes values and revisions.
    await db.prisma.$executeRawUnsafe(`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER test_refuse BEFORE INSERT ON "MetricValueRevision" FOR EACH ROW EXECUTE FUNCTION test_refuse()`,
    );
    const all = input('any', []).dueMetricIds.length;
    const complete = Array.from({ length: all }, (_, i) => 40 + i);
    try {
      await expect(recordSubmission(db.prisma, input('v3', complete))).rejects.toThrow(/refused by the test/);
    } finally {
      await db.prisma.$executeRawUnsafe('DROP TRIGGER test_refuse ON "MetricValueRevision"');
      await db.prisma.$executeRawUnsafe('DROP FUNCTION test_refuse()');
    }
    expect(await valuesOf()).toEqual(before);
    expect(await db.prisma.processedInteraction.findUnique({ where: { key: 'v3' } })).toBeNull();
    const obligation = await db.prisma.departmentPeriod.findFirstOrThrow({ where: { period: PERIOD } });
    expect(obligation.submittedAt).toBeNull();

    const retried = await recordSubmission(db.prisma, input('v3', complete));
    expect(retried).toMatchObject({ kind: 'saved', changed: all, complete: true, firstComplete: true });
    expect((await valuesOf()).map((v) => v.value)).toEqual(complete);
  });

  it('the same submission delivered twice at once is saved once', async () => {
    const revisionsBefore = await db.prisma.metricValueRevision.count();
    const outcomes = await Promise.all([
      recordSubmission(db.prisma, input('v-twice', [70, 71, 72])),
      recordSubmission(db.prisma, input('v-twice', [70, 71, 72])),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['duplicate', 'saved']);
    expect(await db.prisma.metricValueRevision.count()).toBe(revisionsBefore + 3);
  });

  it('a save that waits for another on the same period starts its revisions from what that one saved', async () => {
    // On PostgreSQL the waiting save's values must be read after the lock is granted, not when it
    // began; the embedded database runs one session's work at a time, so it waits its turn.
    let waiting: Promise<SubmissionOutcome> | undefined;
    await db.prisma.$transaction(async (tx) => {
      expect(await recordSubmission(tx, input('v-held', [61, 62, 63]))).toMatchObject({ kind: 'saved' });
      waiting = recordSubmission(db.prisma, input('v-waiting', [71, 72, 73]));
      await sleep(150); // the second save is under way, blocked on the period's row
    });
    expect(await waiting).toMatchObject({
      kind: 'saved',
      revisions: [
        { oldValue: 61, newValue: 71 },
        { oldValue: 62, newValue: 72 },
        { oldValue: 63, newValue: 73 },
      ],
    });
    for (const value of (await valuesOf()).slice(0, 3)) {
      const chain = value.revisions.map((r) => [r.oldValue, r.newValue]);
      for (let k = 1; k < chain.length; k++) expect(chain[k]![0]).toBe(chain[k - 1]![1]);
    }
  });

  it('a locked period refuses and writes nothing', async () => {
    await db.prisma.departmentPeriod.updateMany({ where: { period: PERIOD }, data: { lockedAt: NOW } });
    const before = await valuesOf();
    expect(await recordSubmission(db.prisma, input('v4', [1, 2, 3]))).toMatchObject({ kind: 'locked' });
    expect(await valuesOf()).toEqual(before);
  });
});
