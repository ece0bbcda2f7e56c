// Chairs manage the calendar from Slack; the packet follows the meeting.
import { describe, expect, it } from 'vitest';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

const CHAIR = 'U0CHAIR01';
const stack = useLocalStack({ now: '2026-11-02T15:00:00Z' });
const say = (text: string, user = CHAIR) => slashReply(stack(), text, user);
const packetOf = (meetingId: number) =>
  stack().db.prisma.scheduledNotice.findUniqueOrThrow({ where: { key: `packet:${meetingId}` } });

// Lists, then moves and cancels the same meeting: the tests run in order.
describe.sequential('/stat meeting', () => {
  it('lists the coming meetings with their numbers', async () => {
    const text = await say('meeting');
    const nov = await stack().db.prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date('2026-11-17T15:00:00Z') },
    });
    expect(text).toContain(`#${nov.id}* Monthly Performance Roundtable — Tue 17 Nov 10:00 (DPW, WATER)`);
    // 48 h before Tue 10:00 is Sunday: the packet is planned for Friday 10:00.
    expect((await packetOf(nov.id)).sendAt.toISOString()).toBe('2026-11-13T15:00:00.000Z');
  });

  it('moving a meeting moves its packet; cancelling cancels it', async () => {
    const nov = await stack().db.prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date('2026-11-17T15:00:00Z') },
    });
    expect(await say(`meeting move ${nov.id} 2026-11-19 14:00`)).toContain('Its packet moves with it');
    expect((await packetOf(nov.id)).sendAt.toISOString()).toBe('2026-11-17T19:00:00.000Z'); // Thu 14:00 − 48 h = Tue 14:00
    expect(await say(`meeting cancel ${nov.id}`)).toContain('is cancelled');
    expect((await packetOf(nov.id)).status).toBe('skipped');
    await stack().runDue('2026-11-17T19:30:00Z');
    expect(stack().sandbox.messagesIn('C0STATROOM')).toHaveLength(0);
  });

  it('adds an extra meeting, refusing bad input with a clear reason', async () => {
    expect(await say('meeting add roundtable 2026-12-03 14:00 DPW,PARKS')).toContain('Unknown department(s): PARKS');
    expect(await say('meeting add roundtable 2026-10-03 14:00 DPW')).toContain('in the past');
    expect(await say('meeting add nosuch 2026-12-03 14:00 DPW')).toContain('no meeting series');
    expect(await say('meeting move 99999 2026-12-03 14:00')).toContain('no meeting #99999');
    expect(await say('meeting move 1 2026-13-45 14:00')).toMatch(/not a (valid )?date|invalid/i);
    expect(await say('meeting add roundtable 2026-12-03 14:00 CODE')).toContain('added; its packet is scheduled');
    expect(await say('meeting', 'U0DPWLIA1')).toContain('only chairs and admins can schedule or change meetings');
  });
});
