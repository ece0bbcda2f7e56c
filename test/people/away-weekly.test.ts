// Weekly reminders while a liaison is away, routed as monthly ones are: never to the person away;
// their department goes into their delegate's own weekly DM (one DM per person per step), or to a
// delegate who is not a liaison, in a DM of its own marked "for … who is away".
import { describe, expect, it } from 'vitest';
import { setAway } from '../../src/services/people/absences.js';
import { writeProgramVariant } from '../helpers/program-variant.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

const PRIYA = 'U0DPWLIA1'; // Public Works' only liaison
const MARCUS = 'U0DPWHEAD'; // Public Works' head: not a liaison, so no weekly DM of his own
const TOM = 'U0WATLIA1'; // a Watershed liaison
const LENA = 'U0WATLIA2'; // the other Watershed liaison

const weekly = (key: string, name: string) =>
  `      - { key: ${key}, name: ${name}, unit: requests, polarity: lower_is_better, target: 150, tolerance: 25, frequency: weekly, min: 0 }\n`;
const withWeeklyMetrics = (yaml: string) => {
  const out = yaml
    .replace(/( {6}- key: missed_pickups\n)/, `${weekly('potholes_open', 'Open pothole requests at week end')}$1`)
    .replace(
      /( {4}channel: C0WATRSTAT\n {4}metrics:\n)/,
      `$1${weekly('main_breaks_open', 'Open main breaks at week end')}`,
    );
  if ((out.match(/frequency: weekly/g) ?? []).length < 2) throw new Error('the sample program changed shape');
  return out;
};
const stack = useLocalStack({ now: '2026-11-06T15:00:00Z', programFile: writeProgramVariant(withWeeklyMetrics) });
const weeklyTo = (id: string) =>
  stack()
    .sandbox.dmsTo(id)
    .filter((m) => m.text.includes('Weekly numbers'));

describe('weekly reminders while a liaison is away', () => {
  it("go into the delegate's own weekly DM, never to the person away", async () => {
    const s = stack();
    const away = { startDate: '2026-11-09', endDate: '2026-11-09', delegate: TOM };
    expect(await setAway(s.db.prisma, PRIYA, away, s.clock.now())).toMatchObject({ kind: 'saved' });
    // Mon 9 Nov 10:05 New York: week 45 closed at midnight.
    await s.runDue('2026-11-09T15:05:00Z');
    await s.runDue('2026-11-09T16:05:00Z');
    expect(weeklyTo(PRIYA)).toEqual([]);
    expect(weeklyTo(TOM)).toHaveLength(1);
    const blocks = JSON.stringify(weeklyTo(TOM)[0]!.blocks);
    expect(blocks).toContain('Open main breaks at week end');
    expect(blocks).toContain('Open pothole requests at week end');
    expect(blocks).toContain('for Priya Raman, who is away');
    // Lena's own DM lists Watershed only: Priya named Tom.
    expect(weeklyTo(LENA)).toHaveLength(1);
    expect(JSON.stringify(weeklyTo(LENA)[0]!.blocks)).not.toContain('pothole');
  });

  it('go to a delegate who is not a liaison in a DM of their own', async () => {
    const s = stack();
    const away = { startDate: '2026-11-10', endDate: '2026-11-12', delegate: MARCUS };
    expect(await setAway(s.db.prisma, PRIYA, away, s.clock.now())).toMatchObject({ kind: 'saved' });
    // Tue 10 Nov: the due day.
    await s.runDue('2026-11-10T15:05:00Z');
    await s.runDue('2026-11-10T16:05:00Z');
    expect(weeklyTo(PRIYA)).toEqual([]);
    expect(weeklyTo(MARCUS)).toHaveLength(1);
    const blocks = JSON.stringify(weeklyTo(MARCUS)[0]!.blocks);
    expect(blocks).toContain('Open pothole requests at week end');
    expect(blocks).toContain('for Priya Raman, who is away');
    expect(blocks).not.toContain('main breaks');
    expect(weeklyTo(TOM)).toHaveLength(2); // his own due-day reminder, for Watershed
  });
});
