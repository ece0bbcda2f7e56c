// A bot that was down catches up on what came due, but only with what still makes sense: after a
// week offline nobody gets "due in 2 days" for a date that has passed.
import { describe, expect, it } from 'vitest';
import { useLocalStack } from '../helpers/use-local-stack.js';

// Down since before October closed; back on Tue 10 Nov 10:30 New York (due date was Fri 6 Nov).
const stack = useLocalStack({ now: '2026-11-10T15:30:00Z' });
const LIAISONS = ['U0DPWLIA1', 'U0CODLIA1', 'U0FIRLIA1', 'U0WATLIA1', 'U0WATLIA2'];
const isWeekly = (m: { text: string }) => m.text.includes('Weekly numbers');
const monthlyDms = (user: string) =>
  stack()
    .sandbox.dmsTo(user)
    .filter((m) => !isWeekly(m));
const weeklyDms = (user: string) => stack().sandbox.dmsTo(user).filter(isWeekly);

describe('catching up after downtime', () => {
  it('sends each liaison only the step that is still true today', async () => {
    const report = await stack().runDue();
    expect(report.failed).toBe(0);
    for (const user of LIAISONS) {
      const texts = monthlyDms(user).map((m) => m.text);
      expect(texts, user).toEqual([expect.stringContaining('were due Fri 6 Nov (2 business days ago)')]);
    }
    // Code Enforcement's weekly metric: week 45's due day is today, so only its reminder goes out.
    expect(weeklyDms('U0CODLIA1').map((m) => m.text)).toEqual([expect.stringContaining('due today (Tue 10 Nov)')]);
    const skipped = await stack().db.prisma.scheduledNotice.findMany({
      where: { status: 'skipped', recipient: 'U0DPWLIA1' },
    });
    expect(skipped.map((n) => n.kind).sort()).toEqual([
      'collect_due_day',
      'collect_opening',
      'collect_reminder_before',
    ]);
  });

  it('does not repeat itself when run again', async () => {
    const report = await stack().runDue('2026-11-10T16:30:00Z');
    expect(report.sent).toBe(0);
    for (const user of LIAISONS) expect(monthlyDms(user)).toHaveLength(1);
    expect(weeklyDms('U0CODLIA1')).toHaveLength(1);
  });
});
