// Follow-up nags to an owner who is away: they go to the owner's delegate, or wait until the owner
// is back (the chair is told once) — never to someone away.
import { describe, expect, it } from 'vitest';
import { setAway } from '../../src/services/people/absences.js';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

const CHAIR = 'U0CHAIR01';
const MARCUS = 'U0DPWHEAD';
const PRIYA = 'U0DPWLIA1';
const GRACE = 'U0WATHEAD';

const stack = useLocalStack({ now: '2026-11-16T15:00:00Z' }, async (s) => {
  await s.runDue();
  s.clock.set('2026-11-17T15:30:00Z');
  await slashReply(s, `followup <@${MARCUS}|marcus> bring a plan for the bucket-truck backlog by 2026-12-01`, CHAIR);
  await slashReply(s, `followup <@${GRACE}|grace> review the main-break spike by 2026-12-01`, CHAIR);
  await s.runDue('2026-11-17T18:00:00Z'); // the meeting record and each owner's list go out
});

describe('follow-up nags while the owner is away', () => {
  it('go to the delegate, or wait until the owner is back', async () => {
    const s = stack();
    const now = s.clock.now();
    const marcus = { startDate: '2026-11-30', endDate: '2026-12-04', delegate: PRIYA };
    expect(await setAway(s.db.prisma, MARCUS, marcus, now)).toMatchObject({ kind: 'saved' });
    const grace = { startDate: '2026-11-30', endDate: '2026-12-02', delegate: null };
    expect(await setAway(s.db.prisma, GRACE, grace, now)).toMatchObject({ kind: 'saved' });
    const before = { marcus: s.sandbox.dmsTo(MARCUS).length, grace: s.sandbox.dmsTo(GRACE).length };
    await s.runDue('2026-12-01T15:30:00Z'); // due day, 10:30 New York
    await s.runDue('2026-12-02T15:30:00Z');
    expect(s.sandbox.dmsTo(MARCUS).slice(before.marcus)).toEqual([]);
    expect(s.sandbox.dmsTo(GRACE).slice(before.grace)).toEqual([]);
    expect(s.sandbox.dmsTo(PRIYA).some((m) => m.text.includes('bucket-truck'))).toBe(true);
    const waiting = await s.db.prisma.scheduledNotice.findMany({
      where: { recipient: GRACE, kind: { startsWith: 'followup_' }, status: 'pending', lastError: null },
    });
    // Grace's due-day nag waits for Thursday 3 Dec, 09:00 New York, the first working hour she is back.
    expect(waiting.map((n) => n.sendAt.toISOString())).toContain('2026-12-03T14:00:00.000Z');
    // With the default `away_followups: delegate`, the chair hears only of the nags that wait: Grace's, once.
    const paused = s.sandbox.dmsTo(CHAIR).filter((m) => m.text.includes('paused while they are away'));
    expect(paused).toHaveLength(1);
    expect(paused[0]!.text).toContain(`<@${GRACE}>`);
    expect(paused[0]!.text).toContain('main-break');
  });
});
