// App Home: each person sees what is due from them and what they owe; chairs see the program.
import { describe, expect, it } from 'vitest';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

const stack = useLocalStack({ now: '2026-11-12T15:30:00Z' }, async (s) => {
  await s.runDue(); // nobody has entered October yet: due Fri 6 Nov, so 3 business days late (11 Nov is a holiday)
  await slashReply(s, 'followup <@U0WATHEAD|grace> review the main-break spike by 2026-12-01', 'U0CHAIR01');
});

async function home(userId: string): Promise<string> {
  await stack().driver.appHomeOpened(userId);
  await stack().sandbox.waitForCall('views.publish', { where: (c) => c.args.user_id === userId, timeoutMs: 5000 });
  return JSON.stringify(stack().sandbox.homeView(userId)?.blocks ?? []);
}

describe('App Home', () => {
  it('shows a liaison their department, late, with the button to enter numbers', async () => {
    const view = await home('U0WATLIA1');
    expect(view).toContain('My submissions — October 2026');
    expect(view).toContain('Watershed Management* — :red_circle: late 3 business days');
    expect(view).toContain('stat_open_submission');
  });

  it('shows an owner their open follow-ups with the answer buttons', async () => {
    const view = await home('U0WATHEAD');
    expect(view).toContain('My open follow-ups* (1)');
    expect(view).toContain('review the main-break spike');
    expect(view).toContain('stat_followup_done');
  });

  it('shows the chair the program at a glance', async () => {
    const view = await home('U0CHAIR01');
    expect(view).toContain('Program at a glance — October 2026');
    expect(view).toMatch(/Late: .*Watershed Management \(3 days\)/);
    expect(view).toContain('Next meetings');
  });

  it('shows chairs the goals at risk and the program health line (issue 17), and liaisons neither', async () => {
    const view = await home('U0CHAIR01');
    expect(view).toContain('*Goals — September 2026*');
    expect(view).toContain('4 goals: 1 off track, 3 at risk, 0 on track, 0 not measured yet');
    expect(view).toContain(':red_circle: Off track — Fix street hazards within two days · :warning: no plan yet');
    expect(view).toContain('Program health, October 2026: 0% of metrics in by the due date');
    expect(await home('U0WATLIA1')).not.toContain('Program health');
  });
});
