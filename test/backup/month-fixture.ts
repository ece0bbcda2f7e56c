// The sample program (24 months of history) plus one month of work through the real services and
// scheduler: opening DMs and reminders sent, two departments' submissions (one revised), an
// exact-double value, a follow-up with an update, a blocked one. What a backup must carry.
import type { LocalStack } from '../../local-stack/local-stack.js';
import { recordSubmission } from '../../src/services/collection/record-submission.js';
import { answerFollowUp } from '../../src/services/followups/answer-followup.js';
import { createFollowUp } from '../../src/services/followups/create-followup.js';

// America/New_York. October 2026 closes; opening Mon 2 Nov; due Fri 6 Nov.
export const MON_2_NOV = '2026-11-02T15:30:00Z';
export const TUE_10_NOV = '2026-11-10T15:30:00Z';

async function submit(s: LocalStack, deptKey: string, user: string, at: string, bump: number) {
  const dept = await s.db.prisma.department.findUniqueOrThrow({ where: { key: deptKey }, include: { metrics: true } });
  const entries = dept.metrics.map((m, i) => ({
    metricId: m.id,
    // 0.1 + 0.2: a double whose shortest form has 17 digits — it must come back bit for bit.
    value: i === 0 ? 0.1 + 0.2 + bump : 90 + i + bump,
    notAvailable: false,
    note: 'explained',
  }));
  return recordSubmission(s.db.prisma, {
    departmentId: dept.id,
    period: '2026-10',
    entries,
    userId: user,
    now: new Date(at),
    interactionKey: `fixture-${deptKey}-${at}`,
    dueMetricIds: dept.metrics.map((m) => m.id),
  });
}

export async function playAMonth(s: LocalStack): Promise<void> {
  await s.runDue(MON_2_NOV);
  await submit(s, 'DPW', 'U0DPWLIA1', '2026-11-03T15:00:00Z', 0);
  await submit(s, 'DPW', 'U0DPWLIA1', '2026-11-04T15:00:00Z', 1); // a revision of every value
  await submit(s, 'FIRE', 'U0FIRLIA1', '2026-11-05T15:00:00Z', 0);
  const dpw = await s.db.prisma.department.findUniqueOrThrow({ where: { key: 'DPW' } });
  const now = new Date('2026-11-05T16:00:00Z');
  const first = await createFollowUp(s.db.prisma, {
    departmentId: dpw.id,
    ownerUserId: 'U0DPWLIA1',
    text: 'Clear the pothole backlog — “quotes”, émoji 🚧, and a ; semicolon',
    dueDate: '2026-12-15',
    createdBy: 'U0CHAIR01',
    now,
    interactionKey: 'fixture-followup-1',
  });
  if (first) {
    await answerFollowUp(s.db.prisma, {
      followUpId: first.id,
      userId: 'U0DPWLIA1',
      kind: 'update',
      note: 'Half done',
      now,
    });
    await answerFollowUp(s.db.prisma, {
      followUpId: first.id,
      userId: 'U0DPWLIA1',
      kind: 'blocked',
      note: 'No asphalt',
      now,
    });
  }
  await s.runDue(TUE_10_NOV);
}
