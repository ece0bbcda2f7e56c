// A liaison on leave whose working day never meets their delegate's (Tokyo and New York): their
// reminders reach the delegate inside the delegate's hours, instead of being put off to the absent
// liaison's morning, handed over at the delegate's night and put off again, for ever.
import { describe, expect, it } from 'vitest';
import { setAway } from '../../src/services/people/absences.js';
import { writeProgramVariant } from '../helpers/program-variant.js';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

const PRIYA = 'U0DPWLIA1'; // Public Works' only liaison, working from Tokyo
const MARCUS = 'U0DPWHEAD'; // Public Works' head, in New York like the program
const CHAIR = 'U0CHAIR01';

const withWeeklyPotholes = (yaml: string) => {
  const out = yaml.replace(
    /( {6}- key: missed_pickups\n)/,
    '      - { key: potholes_open, name: Open pothole requests at week end, unit: requests, polarity: lower_is_better, target: 150, tolerance: 25, frequency: weekly, min: 0 }\n$1',
  );
  if (!out.includes('frequency: weekly')) throw new Error('the sample program changed shape');
  return out;
};
const stack = useLocalStack({
  now: '2026-11-06T15:00:00Z',
  programFile: writeProgramVariant(withWeeklyPotholes),
  seedWorkspace: (sandbox) => {
    sandbox.addUser({ id: PRIYA, name: 'priya.raman', realName: 'Priya Raman', tz: 'Asia/Tokyo' });
  },
});

describe('a delegate in another time zone', () => {
  it("gets the away liaison's weekly reminder inside the delegate's own working hours", async () => {
    const s = stack();
    const away = { startDate: '2026-11-09', endDate: '2026-11-13', delegate: MARCUS };
    expect(await setAway(s.db.prisma, PRIYA, away, s.clock.now())).toMatchObject({ kind: 'saved' });
    // Mon 9 Nov (week 45 closed at midnight), every hour from 08:05 to 17:05 New York time, all of
    // it outside Tokyo's working day.
    const sent: string[] = [];
    for (let hour = 13; hour <= 22; hour++) {
      const before = s.sandbox.dmsTo(MARCUS).length;
      await s.runDue(`2026-11-09T${hour}:05:00Z`);
      if (s.sandbox.dmsTo(MARCUS).length > before) sent.push(`${hour}:05Z`);
    }
    const weekly = s.sandbox.dmsTo(MARCUS).filter((m) => m.text.includes('Weekly numbers'));
    expect(weekly.map((m) => JSON.stringify(m.blocks).includes('for Priya Raman, who is away'))).toEqual([true]);
    expect(sent[0]).toBe('15:05Z'); // the first run after the program's send time, 10:00 in New York
    expect(s.sandbox.dmsTo(PRIYA).filter((m) => m.text.includes('Weekly numbers'))).toEqual([]);
  });
});

// A follow-up for Marcus (New York) due Tue 1 Dec; Priya (Tokyo) stands in for him that week.
const withBucketTruckFollowUp = (): Parameters<typeof useLocalStack> => [
  {
    now: '2026-11-16T15:00:00Z',
    seedWorkspace: (sandbox) => {
      sandbox.addUser({ id: PRIYA, name: 'priya.raman', realName: 'Priya Raman', tz: 'Asia/Tokyo' });
    },
  },
  async (s) => {
    await s.runDue();
    s.clock.set('2026-11-17T15:30:00Z');
    await slashReply(s, `followup <@${MARCUS}|marcus> bring a plan for the bucket-truck backlog by 2026-12-01`, CHAIR);
    await s.runDue('2026-11-17T18:00:00Z');
    const away = { startDate: '2026-11-30', endDate: '2026-12-04', delegate: PRIYA };
    expect(await setAway(s.db.prisma, MARCUS, away, s.clock.now())).toMatchObject({ kind: 'saved' });
  },
];
const nag = async (s: ReturnType<ReturnType<typeof useLocalStack>>, step: string) =>
  s.db.prisma.scheduledNotice.findFirst({ where: { recipient: MARCUS, key: { contains: `:${step}:` } } });

describe('a follow-up owner away, with a delegate in another time zone', () => {
  const far = useLocalStack(...withBucketTruckFollowUp());

  // Inside the owner's hours but not the delegate's: the one working-hours check (in delivery)
  // must look at the delegate the nag is routed to, not at the owner it was planned for.
  it("waits for the delegate's morning, not the owner's", async () => {
    const s = far();
    await s.runDue('2026-12-01T15:30:00Z'); // due day: 10:30 in New York, 00:30 on Wednesday in Tokyo
    expect(s.sandbox.dmsTo(PRIYA).filter((m) => m.text.includes('bucket-truck'))).toEqual([]);
    const waiting = await s.db.prisma.scheduledNotice.findMany({
      where: { recipient: MARCUS, kind: { startsWith: 'followup_' }, status: 'pending' },
    });
    // Put off to 09:00 in Tokyo, after New York's working day has ended.
    expect(waiting.map((n) => n.sendAt.toISOString())).toContain('2026-12-02T00:00:00.000Z');
    // Still the due-day nag then: it is the delegate's first working window after its send time,
    // although the due day's working hours in New York (the program's) ended at 17:00.
    await s.runDue('2026-12-02T00:05:00Z');
    const nags = s.sandbox.dmsTo(PRIYA).filter((m) => m.text.includes('bucket-truck'));
    expect(nags).toHaveLength(1);
    expect((await nag(s, 'due-day'))?.status).toBe('sent');
    await s.runDue('2026-12-02T02:00:00Z');
    expect(s.sandbox.dmsTo(PRIYA).filter((m) => m.text.includes('bucket-truck'))).toHaveLength(1);
  });
});

describe('a due-day nag for a far-zone delegate, after downtime', () => {
  const far = useLocalStack(...withBucketTruckFollowUp());

  // Nothing runs from before the due day until Wed 2 Dec 18:00 in Tokyo: the delegate's working
  // window after the due-day nag's send time (Wed 09:00–17:00 Tokyo) has closed too, so it is
  // stale for her as well (Thursday 09:05 Tokyo brings nothing); the first overdue nag (Thu 10:00
  // New York) reaches her on Friday morning instead.
  it('is dropped once the delegate’s own working window for it has passed', async () => {
    const s = far();
    await s.runDue('2026-12-02T09:00:00Z');
    await s.runDue('2026-12-03T00:05:00Z');
    expect(s.sandbox.dmsTo(PRIYA).filter((m) => m.text.includes('bucket-truck'))).toEqual([]);
    await s.runDue('2026-12-04T00:05:00Z'); // Fri 09:05 in Tokyo
    expect(await nag(s, 'due-day')).toMatchObject({ status: 'skipped', lastError: 'stale: no longer makes sense' });
    expect((await nag(s, 'overdue-1'))?.status).toBe('sent');
    expect(s.sandbox.dmsTo(PRIYA).filter((m) => m.text.includes('bucket-truck'))).toHaveLength(1);
  });
});

describe('a liaison in Tokyo on a New York program', () => {
  const tokyo = useLocalStack({
    now: '2026-11-02T15:00:00Z',
    seedWorkspace: (sandbox) => {
      sandbox.addUser({ id: PRIYA, name: 'priya.raman', realName: 'Priya Raman', tz: 'Asia/Tokyo' });
    },
  });

  // October's numbers are due Fri 6 Nov; its 10:00 in New York is Saturday 00:00 in Tokyo, so the
  // due-day reminder waits for Monday 09:00 in Tokyo (Sunday evening in New York).
  it('gets the due-day reminder in her first working window after its send time', async () => {
    const s = tokyo();
    await s.runDue();
    await s.runDue('2026-11-06T15:05:00Z');
    const dueDay = (text: string) => text.includes('mark the rest not available');
    expect(s.sandbox.dmsTo(PRIYA).filter((m) => dueDay(JSON.stringify(m.blocks)))).toEqual([]);
    await s.runDue('2026-11-09T00:05:00Z');
    expect(s.sandbox.dmsTo(PRIYA).filter((m) => dueDay(JSON.stringify(m.blocks)))).toHaveLength(1);
    const row = await s.db.prisma.scheduledNotice.findFirst({ where: { key: `collect:DPW:2026-10:due-day:${PRIYA}` } });
    expect(row?.status).toBe('sent');
  });
});
