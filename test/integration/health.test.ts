// `/stat health`: the program's own health, computed from what really happened in October 2026.
import { describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local-stack/local-stack.js';
import { ensureDepartmentPeriod } from '../../src/services/collection/department-period.js';
import { lockPeriods, unlockPeriod } from '../../src/services/collection/lock-periods.js';
import { recordSubmission } from '../../src/services/collection/record-submission.js';
import { loadProgramSettings } from '../../src/services/program-settings.js';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

/** Enters every monthly metric of a department for October at `at`, as its liaison would. */
async function submitOctober(s: LocalStack, key: string, at: string, value = 50, count?: number) {
  const dept = await s.db.prisma.department.findUniqueOrThrow({
    where: { key },
    include: { metrics: { where: { frequency: 'monthly', active: true } } },
  });
  const ids = dept.metrics.map((m) => m.id);
  await ensureDepartmentPeriod(s.db.prisma, dept, '2026-10', await loadProgramSettings(s.db.prisma));
  const outcome = await recordSubmission(s.db.prisma, {
    departmentId: dept.id,
    period: '2026-10',
    entries: ids.slice(0, count).map((metricId) => ({ metricId, value, notAvailable: false, note: 'test' })),
    userId: 'U0DPWLIA1',
    now: new Date(at),
    interactionKey: `${key}-${at}`,
    dueMetricIds: ids,
  });
  expect(outcome.kind).toBe('saved');
  return dept;
}

const stack = useLocalStack({ now: '2026-11-20T16:00:00Z' }, async (s) => {
  // October was due Fri 6 Nov. Public Works on time (Thu 5 Nov), Watershed on Tue 10 Nov
  // (2 business days late), Code and Fire not at all (Mon 9 … Fri 20 Nov less Veterans Day: 9).
  const dpw = await submitOctober(s, 'DPW', '2026-11-05T15:00:00Z');
  await submitOctober(s, 'WATER', '2026-11-10T15:00:00Z', 1);
  // The packet locks DPW's October on Thu 12 Nov; a correction after an unlock is "revised after the packet".
  await s.db.prisma.$transaction((db) =>
    lockPeriods(db, [{ departmentId: dpw.id, period: '2026-10' }], 'U0CHAIR01', new Date('2026-11-12T15:00:00Z')),
  );
  await unlockPeriod(s.db.prisma, dpw.id, '2026-10', 'U0CHAIR01', new Date('2026-11-13T14:00:00Z'));
  await submitOctober(s, 'DPW', '2026-11-13T15:00:00Z', 60, 1);
  // A follow-up recorded Tue 20 Oct, due Fri 30 Oct, done Thu 29 Oct (9 days), before DPW's next meeting.
  const followUp = await s.db.prisma.followUp.create({
    data: {
      departmentId: dpw.id,
      ownerUserId: 'U0DPWHEAD',
      text: 'Second pothole crew',
      dueDate: '2026-10-30',
      status: 'done',
      createdBy: 'U0CHAIR01',
      createdAt: new Date('2026-10-20T15:00:00Z'),
      closedAt: new Date('2026-10-29T15:00:00Z'),
    },
  });
  await s.db.prisma.followUpUpdate.create({
    data: {
      followUpId: followUp.id,
      kind: 'done',
      authorUserId: 'U0DPWHEAD',
      createdAt: new Date('2026-10-29T15:00:00Z'),
    },
  });
});
const say = (text: string, user = 'U0CHAIR01') => slashReply(stack(), text, user);

describe('/stat health', () => {
  it('tabulates the whole program and each department for October', async () => {
    const reply = await say('health');
    expect(reply).toContain('Program health — October 2026');
    const table = (name: string) => reply.slice(reply.indexOf(`*${name}*`)).split('\\n')[3];
    // DPW: 4 of 4 on time, 0 days late, 1 of 4 values revised after the packet, its follow-up
    // closed on time in 9 days and answered before the next meeting.
    expect(table('Public Works')).toBe('Oct 2026     100%          0      25%            100%            9      100%');
    // Watershed 2 business days late; Code and Fire 9 so far (Veterans Day is a holiday).
    expect(table('Watershed Management')).toContain('0%          2');
    expect(table('Code Enforcement')).toContain('0%          9');
    // Whole program: 4 of 15 monthly metrics on time; (0 + 2 + 9 + 9) / 4 = 5 days late.
    expect(table('Whole program')).toContain('Oct 2026      27%          5      25%');
    expect(reply).toContain(
      'Program health, October 2026: 27% of metrics in by the due date (5 business days late on average)',
    );
  });

  it('is refused to liaisons', async () => {
    expect(await say('health', 'U0DPWLIA1')).toContain('only chairs and admins can see the citywide goals, health');
  });
});
