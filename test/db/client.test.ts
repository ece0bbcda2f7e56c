// The generated Prisma client over the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../generated/prisma/client.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';

describe('generated client on a migrated test database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('is migrated and empty', async () => {
    expect(await db.migrationStatus()).toMatchObject({ pending: [], failed: [] });
    expect(await db.prisma.department.count()).toBe(0);
  });

  it('creates and reads related rows', async () => {
    const dept = await db.prisma.department.create({
      data: {
        key: 'DPW',
        name: 'Public Works',
        metrics: {
          create: {
            key: 'potholes',
            name: 'Potholes filled within 48 h',
            unit: '%',
            polarity: 'higher_is_better',
            tolerance: 2.5,
            targets: { create: { effectiveFrom: '2026-01', value: 90 } },
          },
        },
      },
      include: { metrics: true },
    });
    const metric = dept.metrics[0];
    expect(metric).toBeDefined();
    await db.prisma.metricValue.create({
      data: {
        metricId: metric!.id,
        period: '2026-10',
        value: 87.5,
        submittedBy: 'U123',
        submittedAt: new Date('2026-11-03T15:00:00Z'),
      },
    });

    const read = await db.prisma.metric.findUniqueOrThrow({
      where: { departmentId_key: { departmentId: dept.id, key: 'potholes' } },
      include: { department: true, targets: true, values: true },
    });
    expect(read.department.name).toBe('Public Works');
    expect(read.tolerance).toBe(2.5);
    expect(read.targets.map((t) => t.value)).toEqual([90]);
    expect(read.values[0]?.value).toBe(87.5);
    expect(read.values[0]?.submittedAt.toISOString()).toBe('2026-11-03T15:00:00.000Z');
    expect(read.values[0]?.revision).toBe(1);
  });

  it('round-trips JSON and text[] columns and fills defaults', async () => {
    await db.prisma.program.create({
      data: {
        name: 'CityStat',
        timezone: 'America/Chicago',
        holidays: ['2026-12-25', '2027-01-01'],
        settings: { reminders: [3, 1], on: true },
      },
    });
    const program = await db.prisma.program.findUniqueOrThrow({ where: { id: 1 } });
    expect(program.holidays).toEqual(['2026-12-25', '2027-01-01']);
    expect(program.settings).toEqual({ reminders: [3, 1], on: true });
    expect(program.workdayStart).toBe('09:00');
  });

  it('reports a unique violation as P2002', async () => {
    await db.prisma.person.create({ data: { slackUserId: 'U1', name: 'Ada' } });
    const error = await db.prisma.person
      .create({ data: { slackUserId: 'U1', name: 'Ada again' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe('P2002');
  });

  it('commits and rolls back interactive transactions', async () => {
    await db.prisma.$transaction(async (tx) => {
      await tx.processedInteraction.create({ data: { key: 'kept' } });
    });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.processedInteraction.create({ data: { key: 'dropped' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const keys = (await db.prisma.processedInteraction.findMany()).map((r) => r.key);
    expect(keys).toEqual(['kept']);
  });

  it('answers simple queries quickly', async () => {
    await db.prisma.auditEvent.count(); // warm the query plan cache
    const runs = 50;
    const started = performance.now();
    for (let i = 0; i < runs; i++) await db.prisma.auditEvent.count();
    const perQuery = (performance.now() - started) / runs;
    const insertStarted = performance.now();
    for (let i = 0; i < runs; i++) await db.prisma.auditEvent.create({ data: { actor: 'bench', action: `a${i}` } });
    const perInsert = (performance.now() - insertStarted) / runs;
    console.log(`[${db.kind}] count(): ${perQuery.toFixed(2)} ms/query; create(): ${perInsert.toFixed(2)} ms/insert`);
    expect(perQuery).toBeLessThan(50);
  });
});
