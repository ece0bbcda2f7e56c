// The agenda reads its follow-ups and the open follow-ups behind "no plan yet" in one statement;
// the two answers must stay what two separate reads gave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHistory } from '../../bench/lib/history.js';
import { type GeneratedProgram, writeProgramFile } from '../../bench/lib/program.js';
import { type LocalStack, startLocalStack } from '../../local-stack/local-stack.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { buildAgenda } from '../../src/services/roundtable/build-agenda.js';
import { findMeeting } from '../../src/services/roundtable/find-meeting.js';

const NOW = new Date('2026-11-10T15:00:00Z');
let db: TestDatabase;
let s: LocalStack;
let program: GeneratedProgram;
beforeAll(async () => {
  // The bench's generated program with six months of history has metrics flagged "no plan yet".
  program = await writeProgramFile({
    departments: 5,
    metricsPerDepartment: 20,
    liaisonsPerDepartment: 1,
    meetingDepartments: 3,
  });
  db = await createTestDatabase();
  s = await startLocalStack({ db, now: NOW, programFile: program.file });
  await loadHistory(db.prisma, { lastPeriod: '2026-10', months: 6, submittedAt: NOW });
});
afterAll(async () => {
  await s?.close();
  await db?.close();
  await program?.remove();
});

describe('the agenda’s follow-ups', () => {
  it('an open follow-up on a ranked metric filed under another department plans it, and is not listed', async () => {
    const meeting = (await findMeeting(db.prisma, { kind: 'next' }, NOW, 'America/New_York'))!;
    const before = (await buildAgenda(db.prisma, meeting.id, NOW))!;
    const flagged = before.items.find((i) => i.noPlanYet)!;
    expect(flagged).toBeDefined();
    const elsewhere = await db.prisma.department.findFirstOrThrow({
      where: { key: { notIn: meeting.departmentKeys } },
    });
    const base = { ownerUserId: 'U0CHAIR01', dueDate: '2026-12-01', createdBy: 'U0CHAIR01', createdAt: NOW };
    await db.prisma.followUp.create({
      data: { ...base, departmentId: elsewhere.id, metricId: flagged.metricId, text: 'Filed elsewhere' },
    });
    await db.prisma.followUp.create({
      data: { ...base, departmentId: elsewhere.id, text: 'Not this meeting', status: 'done', closedAt: NOW },
    });
    await db.prisma.followUp.create({
      data: {
        ...base,
        departmentId: flagged.departmentId,
        text: 'Closed long ago',
        status: 'done',
        closedAt: new Date('2025-01-01'),
      },
    });
    await db.prisma.followUp.create({
      data: {
        ...base,
        departmentId: flagged.departmentId,
        text: 'Ours, closed this week',
        status: 'done',
        closedAt: NOW,
      },
    });
    const after = (await buildAgenda(db.prisma, meeting.id, NOW))!;
    expect(after.items.find((i) => i.metricId === flagged.metricId)?.noPlanYet).toBe(false);
    expect(after.followUps.map((f) => f.text)).toEqual([
      ...before.followUps.map((f) => f.text),
      'Ours, closed this week',
    ]);
  });
});
