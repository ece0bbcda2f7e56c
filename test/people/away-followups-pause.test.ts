// `away_followups: pause`: a follow-up nag to an owner who is away waits until they are back, even
// when they named a delegate, and the chair is told once per follow-up per absence — not per nag
// step, not per run.
import { describe, expect, it } from 'vitest';
import { setAway } from '../../src/services/people/absences.js';
import { writeProgramVariant } from '../helpers/program-variant.js';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

const CHAIR = 'U0CHAIR01';
const MARCUS = 'U0DPWHEAD';
const PRIYA = 'U0DPWLIA1';

const pause = (yaml: string) => {
  const out = yaml.replace(/^( {2}agenda_visibility: .*\n)/m, '$1  away_followups: pause\n');
  if (out === yaml) throw new Error('the sample program has no agenda_visibility line');
  return out;
};
const stack = useLocalStack({ now: '2026-11-16T15:00:00Z', programFile: writeProgramVariant(pause) }, async (s) => {
  await s.runDue();
  s.clock.set('2026-11-17T15:30:00Z');
  await slashReply(s, `followup <@${MARCUS}|marcus> bring a plan for the bucket-truck backlog by 2026-12-01`, CHAIR);
  await s.runDue('2026-11-17T18:00:00Z'); // the meeting record and each owner's list go out
});

const about = (id: string, words: string) => () =>
  stack()
    .sandbox.dmsTo(id)
    .filter((m) => m.text.includes(words));
const pausedToChair = about(CHAIR, 'paused while they are away');

describe('follow-up nags with away_followups: pause', () => {
  it('wait while the owner is away, even with a delegate, and the chair is told once', async () => {
    const s = stack();
    const away = { startDate: '2026-11-30', endDate: '2026-12-04', delegate: PRIYA };
    expect(await setAway(s.db.prisma, MARCUS, away, s.clock.now())).toMatchObject({ kind: 'saved' });
    const before = s.sandbox.dmsTo(MARCUS).length;
    // The due day, the day after, and the first overdue nag: several steps, several runs a day.
    for (const at of ['2026-11-30T15:30:00Z', '2026-12-01T15:30:00Z', '2026-12-01T19:00:00Z', '2026-12-03T15:30:00Z'])
      await s.runDue(at);
    await s.runDue('2026-12-04T20:00:00Z');
    expect(s.sandbox.dmsTo(MARCUS).slice(before)).toEqual([]);
    expect(about(PRIYA, 'bucket-truck')()).toEqual([]);
    expect(pausedToChair()).toHaveLength(1);
    expect(pausedToChair()[0]!.text).toContain(`<@${MARCUS}>`);
    expect(pausedToChair()[0]!.text).toContain('Fri 4 Dec');
    expect(pausedToChair()[0]!.text).toContain('bucket-truck');
  });

  it('resumes when the owner is back, and the chair hears nothing more', async () => {
    const s = stack();
    const before = about(MARCUS, 'bucket-truck')().length;
    // Monday 7 Dec: the nags that waited went stale at 9:00 (the overdue nag at 10:00 replaces them).
    await s.runDue('2026-12-07T14:30:00Z');
    await s.runDue('2026-12-07T15:30:00Z');
    expect(about(MARCUS, 'bucket-truck')().length).toBe(before + 1);
    await s.runDue('2026-12-08T15:30:00Z');
    expect(pausedToChair()).toHaveLength(1);
  });
});
