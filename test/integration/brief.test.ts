// The monthly citywide brief: planned for the program's brief day, sent once to the brief's channel
// and each person named, sentences first and charts in the thread; and `/stat brief` on demand.
import { describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../src/services/roundtable/packet-charts.js';
import { submitMonth } from '../helpers/submit-month.js';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

const CHAIR = 'U0CHAIR01';
const CABINET = 'C0CABINET';
const stack = useLocalStack({ now: '2026-11-09T15:00:00Z', charts: createChartRenderer('local') }, async (s) => {
  // Public Works: potholes off target a second month running, no follow-up on it.
  await submitMonth(s, 'DPW', '2026-10', '2026-11-05T15:00:00Z', {
    sr_on_time: 96.5,
    potholes_48h: 78,
    streetlights_7d: 19,
    missed_pickups: 9,
  });
  await submitMonth(s, 'WATER', '2026-10', '2026-11-06T15:00:00Z', {
    sr_on_time: 94,
    main_breaks: 2.2,
    days_to_repair: 2.5,
    chlorine_residual: 1.0,
  });
});
const text = (messages: { text?: string; blocks?: unknown }[]) => JSON.stringify(messages);

describe('the monthly citywide brief', () => {
  it('is planned for the 10th of the month after (a Tuesday, 09:00 New York)', async () => {
    await stack().runDue('2026-11-09T15:00:00Z');
    const notice = await stack().db.prisma.scheduledNotice.findUniqueOrThrow({ where: { key: 'brief:2026-10' } });
    expect(notice.sendAt.toISOString()).toBe('2026-11-10T14:00:00.000Z');
    expect(stack().sandbox.messagesIn(CABINET)).toHaveLength(0);
  });

  it('goes to the cabinet channel and the chair by DM, sentences first, charts in the thread', async () => {
    const s = stack();
    await s.runDue('2026-11-10T14:05:00Z');
    for (const channel of [CABINET, s.sandbox.dmChannelId(CHAIR)]) {
      const messages = s.sandbox.messagesIn(channel);
      const top = messages.filter((m) => !m.thread_ts);
      expect(top).toHaveLength(1);
      const body = text(top);
      expect(body).toContain('Citywide brief — October 2026');
      expect(body).toContain('What needs leadership’s attention');
      expect(body).toMatch(/1\. Public Works — Potholes filled within 48 hours/);
      expect(body).toContain('*No plan yet*');
      expect(body).toContain('It serves the goal “Fix street hazards within two days” (off track)');
      expect(body).toContain('Goals at risk');
      expect(body).toContain('Not submitted for October 2026');
      expect(body).toMatch(/Code Enforcement: late 2 business days/);
      // 8 of the 15 monthly metrics were in by Fri 6 Nov; Code and Fire are 2 business days late, the others 0.
      expect(body).toContain(
        'Program health, October 2026: 53% of metrics in by the due date (1 business day late on average)',
      );
      expect(body).toContain(
        'Fix street hazards within two days (Public Works): of 2 measured metrics, 1 off target, 1 signalling the wrong way, one with no plan yet',
      );
    }
    const charts = s.sandbox.files.filter((f) => f.filename.startsWith('brief-'));
    // An overview of the metrics it leads with, one chart each, and the program's health over time, in both places.
    expect(charts.length).toBeGreaterThanOrEqual(6);
    expect(charts.length % 2).toBe(0);
    expect(charts.filter((f) => f.filename === 'brief-program-health.png')).toHaveLength(2);
  });

  it('is sent once, however often the job runs', async () => {
    const s = stack();
    const before = s.sandbox.messages.length;
    await s.runDue('2026-11-10T15:00:00Z');
    await s.runDue('2026-11-11T15:00:00Z');
    expect(s.sandbox.messagesIn(CABINET).filter((m) => !m.thread_ts)).toHaveLength(1);
    expect(s.sandbox.messages.length - before).toBeLessThan(10); // reminders to late departments only
  });

  it('/stat brief shows it on demand to chairs and admins, and refuses liaisons', async () => {
    const reply = await slashReply(stack(), 'brief 2026-10', CHAIR);
    expect(reply).toContain('Citywide brief — October 2026');
    expect(await slashReply(stack(), 'brief 2026-Q3', CHAIR)).toContain('The brief covers a month');
    expect(await slashReply(stack(), 'brief', 'U0DPWLIA1')).toContain('only chairs and admins can see the citywide');
  });
});
