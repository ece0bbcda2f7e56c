// `/stat agenda` has a latency target on both databases (issue 11: p95 < 100 ms on 60,000 values).
// The embedded database answers one statement at a time, so the number of statements a
// buildAgenda sends, and the rows they bring back, are what it costs whatever the load: this
// counts them, so that a change that adds one (or reads the values row by row again) is a choice.
import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../src/services/roundtable/build-agenda.js';
import { findMeeting } from '../../src/services/roundtable/find-meeting.js';
import { useCountedStack } from '../helpers/use-counted-stack.js';

const NOW = new Date('2026-11-10T15:00:00Z');
// The bench's shape for the meeting (3 departments × 20 metrics), with a year of history.
const stack = useCountedStack(
  { departments: 4, metricsPerDepartment: 20, liaisonsPerDepartment: 1 },
  { lastPeriod: '2026-10', months: 12 },
  NOW,
);

describe('the statements of one agenda', () => {
  it('are 16, and bring back a few hundred rows, not one per value', async () => {
    const { db, counted, sent } = stack();
    const meeting = (await findMeeting(db.prisma, { kind: 'next' }, NOW, 'America/New_York'))!;
    const first = await buildAgenda(counted, meeting.id, NOW); // creates the periods' obligations
    sent.length = 0;
    const agenda = await buildAgenda(counted, meeting.id, NOW);
    expect(agenda).toEqual(first);
    expect(agenda?.departments.flatMap((d) => d.metrics)).toHaveLength(60);
    expect(sent.map((q) => q.sql.slice(0, 60))).toHaveLength(16);
    // 60 metrics × 36 months of history are read as one JSON row; everything else is small.
    expect(sent.reduce((n, q) => n + q.rows, 0)).toBeLessThan(300);
  });
});
