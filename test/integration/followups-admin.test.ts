// What chairs do with follow-ups after the meeting: list, reassign, change the date, cancel with a
// reason (every change kept), and export everything to CSV.

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

const CHAIR = 'U0CHAIR01';
let id = 0;
const stack = useLocalStack({ now: '2026-11-17T16:00:00Z' }, async (s) => {
  await slashReply(s, 'followup <@U0DPWHEAD|marcus> cost out a second pothole crew, by 2026-12-04', CHAIR);
  id = (await s.db.prisma.followUp.findFirstOrThrow()).id;
});
const say = (text: string, user = CHAIR) => slashReply(stack(), text, user);

// One follow-up, changed step by step: the tests run in order.
describe.sequential('managing follow-ups', () => {
  it('lists mine, overdue and by department', async () => {
    expect(await say('followups', 'U0DPWHEAD')).toContain('cost out a second pothole crew');
    expect(await say('followups DPW')).toContain(`#${id}`);
    expect(await say('followups overdue')).toContain('Overdue follow-ups: 0');
  });

  it('reassigns, changes the date and cancels with a reason; each change is kept', async () => {
    expect(await say(`followups reassign ${id} <@U0DPWLIA1|priya> Priya owns the crew budget`)).toContain(
      'Reassigned to <@U0DPWLIA1>',
    );
    expect(await say(`followups due ${id} 2026-12-11 waiting for the union`)).toContain('Now due Fri 11 Dec');
    expect(await say(`followups cancel ${id}`)).toContain('Give a reason');
    expect(await say(`followups cancel ${id} folded into the budget review`)).toContain('Cancelled');
    expect(await say(`followups due ${id} 2026-12-18`)).toContain('already cancelled');
    const updates = await stack().db.prisma.followUpUpdate.findMany({
      where: { followUpId: id },
      orderBy: { id: 'asc' },
    });
    expect(updates.map((u) => [u.kind, u.authorUserId])).toEqual([
      ['created', CHAIR],
      ['reassigned', CHAIR],
      ['due_changed', CHAIR],
      ['cancelled', CHAIR],
    ]);
    expect(updates[1]!.note).toContain('U0DPWHEAD → U0DPWLIA1');
  });

  it('only chairs and admins may change a follow-up', async () => {
    expect(await say(`followups cancel ${id} mine now`, 'U0DPWHEAD')).toContain(
      'only chairs and admins can approve dates, reassign or cancel',
    );
  });
});

describe('/stat export', () => {
  it('uploads values and follow-ups as CSV into a DM with the chair', async () => {
    expect(await say('export')).toContain('The export is in your DM');
    const files = stack().sandbox.files.filter((f) => f.filename.endsWith('.csv'));
    expect(files.map((f) => f.title).sort()).toEqual(['Follow-ups', 'Metric values', 'Program health']);
    const health = parse(files.find((f) => f.title === 'Program health')!.bytes!.toString('utf8'), {
      columns: true,
    }) as Record<string, string>[];
    // October 2026 for the whole program and each of the four departments; nobody had entered October by 17 Nov.
    expect(health.map((r) => [r.month, r.department, r.submitted_on_time_share])).toEqual([
      ['2026-10', '', '0'],
      ['2026-10', 'CODE', '0'],
      ['2026-10', 'DPW', '0'],
      ['2026-10', 'FIRE', '0'],
      ['2026-10', 'WATER', '0'],
    ]);
    const values = parse(files.find((f) => f.title === 'Metric values')!.bytes!.toString('utf8'), {
      columns: true,
    }) as Record<string, string>[];
    expect(values).toHaveLength(552);
    expect(values[0]).toMatchObject({
      department: 'DPW',
      metric: 'sr_on_time',
      period: '2023-10',
      value: '85.7',
      target: '90',
    });
    const followUps = parse(files.find((f) => f.title === 'Follow-ups')!.bytes!.toString('utf8'), {
      columns: true,
    }) as Record<string, string>[];
    expect(followUps.map((r) => r.update_kind)).toEqual(['created', 'reassigned', 'due_changed', 'cancelled']);
  });

  it('is refused to liaisons', async () => {
    expect(await say('export', 'U0DPWLIA1')).toContain('only chairs and admins can export');
  });
});
