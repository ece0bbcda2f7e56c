// `/stat goals`: priorities → goals with a status rolled up from their metrics, for chairs and admins.
import { describe, expect, it } from 'vitest';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

const stack = useLocalStack({ now: '2026-11-03T16:00:00Z' });
const say = (text: string, user = 'U0CHAIR01') => slashReply(stack(), text, user);

describe('/stat goals', () => {
  it('shows each priority’s goals worst first, as of the latest month with numbers', async () => {
    const reply = await say('goals');
    expect(reply).toContain('Goals — September 2026');
    expect(reply).toContain('4 goals: 1 off track, 3 at risk, 0 on track, 0 not measured yet');
    const safer = reply.indexOf('Safer streets');
    expect(
      reply.indexOf(':red_circle: Off track — *Fix street hazards within two days* · Public Works'),
    ).toBeGreaterThan(safer);
    expect(reply).toContain('Short term: 85% of potholes filled within 48 hours by 30 Jun 2027');
    // Labels of metrics a declared goal lists make no goal of their own.
    expect(reply).not.toContain('Blight reduction');
  });

  it('flags a metric off target two months running with no follow-up: "no plan yet"', async () => {
    const reply = await say('goals');
    expect(reply.match(/No plan yet/g)).toHaveLength(1);
    expect(reply).toMatch(/Potholes filled within 48 hours[^•]*No plan yet/);
  });

  it('narrows to one priority by key or name, and says so when there is none', async () => {
    const reply = await say('goals Responsive services');
    expect(reply).toContain('Close 95% of service requests on time, citywide');
    expect(reply).not.toContain('Fix street hazards');
    expect(await say('goals parks')).toContain('There is no strategic priority called \\"parks');
  });

  it('is refused to liaisons', async () => {
    expect(await say('goals', 'U0DPWLIA1')).toContain('only chairs and admins can see the citywide goals');
  });
});
