// A whole collection month for the sample program, through signed Slack requests and a real
// database, with simulated time: two departments on time, one late and escalated, one revising
// a value, and one liaison trying to submit for a department that is not theirs.
import { describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local-stack/local-stack.js';
import { OPEN_STATUS_ACTION_ID, OPEN_SUBMISSION_ACTION_ID } from '../../src/views/collection-reminder.js';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { formValues } from '../helpers/forms.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

// America/New_York. October 2026 closes; opening Mon 2 Nov; due (5 business days) Fri 6 Nov.
const MON_2_NOV_1030 = '2026-11-02T15:30:00Z';
const WED_4_NOV_1030 = '2026-11-04T15:30:00Z';
const THU_5_NOV_1400 = '2026-11-05T19:00:00Z';
const FRI_6_NOV_1030 = '2026-11-06T15:30:00Z';
const TUE_10_NOV_1030 = '2026-11-10T15:30:00Z';
// Wed 11 Nov is a holiday (Veterans Day) in the sample program: late by 3 business days on Thu 12.
const THU_12_NOV_1030 = '2026-11-12T15:30:00Z';

const LIAISON = { DPW: 'U0DPWLIA1', CODE: 'U0CODLIA1', FIRE: 'U0FIRLIA1', WATER: ['U0WATLIA1', 'U0WATLIA2'] } as const;

let stack: LocalStack;
useLocalStack({ now: MON_2_NOV_1030 }, async (s) => {
  stack = s;
});

// The monthly collection's DMs: Code Enforcement's weekly metric has its own (test/integration/weekly-cycle.test.ts).
const monthlyDms = (user: string) => stack.sandbox.dmsTo(user).filter((m) => !m.text.includes('Weekly numbers'));
const dmTexts = (user: string) => monthlyDms(user).map((m) => m.text);

async function openForm(userId: string) {
  const dm = monthlyDms(userId).find((m) => JSON.stringify(m.blocks).includes(OPEN_SUBMISSION_ACTION_ID));
  if (!dm) throw new Error(`no Enter numbers button for ${userId}`);
  await stack.driver.blockAction({
    userId,
    actionId: OPEN_SUBMISSION_ACTION_ID,
    channelId: dm.channel,
    messageTs: dm.ts,
  });
  const view = stack.sandbox.openViews(userId).find((v) => v.callback_id === SUBMISSION_CALLBACK_ID);
  if (!view) throw new Error(`no form open for ${userId}`);
  return view;
}

// One month told in order: each step builds on the one before (sequential on purpose).
describe.sequential('a collection month', () => {
  it('opens October with one DM per liaison, each with an Enter numbers button', async () => {
    const report = await stack.runDue(MON_2_NOV_1030);
    expect(report.failed).toBe(0);
    for (const user of [LIAISON.DPW, LIAISON.CODE, LIAISON.FIRE, ...LIAISON.WATER]) {
      expect(dmTexts(user)).toEqual([expect.stringContaining('due Fri 6 Nov')]);
    }
    // Running the job again sends nothing twice.
    expect((await stack.runDue(MON_2_NOV_1030)).sent).toBe(0);
  });

  it('DPW submits on time and gets a confirmation with variance and status', async () => {
    const view = await openForm(LIAISON.DPW);
    const values = await formValues(stack.db.prisma, 'DPW', {
      sr_on_time: { value: '95.4' },
      potholes_48h: { value: '91' },
      streetlights_7d: { value: '22' },
      missed_pickups: { value: '7.1' },
    });
    const res = await stack.driver.viewSubmission({ userId: LIAISON.DPW, view, values });
    expect(res.body).toBeFalsy(); // closed: saved
    const confirmation = stack.sandbox.dmsTo(LIAISON.DPW).at(-1)!;
    expect(confirmation.text).toContain('Thank you — saved: Public Works, October 2026');
    expect(JSON.stringify(confirmation.blocks)).toContain('95.4%');
    expect(JSON.stringify(confirmation.blocks)).toContain('On target');
    expect(
      await stack.db.prisma.departmentPeriod.findFirst({
        where: { department: { key: 'DPW' }, period: '2026-10', submittedAt: { not: null } },
      }),
    ).not.toBeNull();
  });

  it('CODE is asked inline for an explanation of an off-target value, then saves', async () => {
    const view = await openForm(LIAISON.CODE);
    const typed = {
      days_to_inspect: { value: '96' },
      units_remediated: { value: '130' },
      liens_collected: { value: '262000' },
      cases_closed_90d: { value: '71.5' },
    };
    const first = await stack.driver.viewSubmission({
      userId: LIAISON.CODE,
      view,
      values: await formValues(stack.db.prisma, 'CODE', typed),
    });
    expect(first.body).toMatchObject({ response_action: 'errors' });
    expect(Object.values((first.body as { errors: Record<string, string> }).errors)).toEqual([
      expect.stringContaining('off target'),
    ]);
    expect(
      await stack.db.prisma.metricValue.count({
        where: { period: '2026-10', metric: { department: { key: 'CODE' } } },
      }),
    ).toBe(0);
    const again = await stack.driver.viewSubmission({
      userId: LIAISON.CODE,
      view,
      values: await formValues(stack.db.prisma, 'CODE', {
        ...typed,
        days_to_inspect: { value: '96', note: 'Two inspectors on leave <!channel>' },
      }),
    });
    expect(again.body).toBeFalsy();
    const confirmation = JSON.stringify(stack.sandbox.dmsTo(LIAISON.CODE).at(-1)!.blocks);
    expect(confirmation).toContain('&lt;!channel&gt;'); // echoed, never a ping
    expect(confirmation).not.toContain('<!channel>');
  });

  it('the same submission delivered twice is saved once', async () => {
    const view = await openForm(LIAISON.CODE);
    const values = await formValues(stack.db.prisma, 'CODE', {
      days_to_inspect: { value: '95', note: 'Two inspectors on leave' },
      units_remediated: { value: '130' },
      liens_collected: { value: '262000' },
      cases_closed_90d: { value: '71.5' },
    });
    // Slack retries a view_submission it thinks was lost: the same view id and hash arrive twice,
    // here concurrently (both built while the modal is still open).
    await Promise.all([1, 2].map(() => stack.driver.viewSubmission({ userId: LIAISON.CODE, view, values })));
    const value = await stack.db.prisma.metricValue.findFirstOrThrow({
      where: { period: '2026-10', metric: { key: 'days_to_inspect' } },
      include: { revisions: true },
    });
    expect(value.value).toBe(95);
    expect(value.revisions).toHaveLength(2); // 96 from the first save, then 95 — not a third row for the retry
  });

  it('the reminder before the due date goes only to departments still missing numbers', async () => {
    await stack.runDue(WED_4_NOV_1030);
    expect(dmTexts(LIAISON.FIRE).at(-1)).toContain('friendly reminder');
    expect(dmTexts(LIAISON.WATER[0]).at(-1)).toContain('friendly reminder');
    expect(dmTexts(LIAISON.DPW)).toHaveLength(2); // opening + confirmation, no reminder
  });

  it('FIRE submits on Thursday; a liaison cannot submit for another department', async () => {
    stack.clock.set(THU_5_NOV_1400);
    const view = await openForm(LIAISON.FIRE);
    const res = await stack.driver.viewSubmission({
      userId: LIAISON.FIRE,
      view,
      values: await formValues(stack.db.prisma, 'FIRE', {
        turnout_p90: { value: '78' },
        calls_10s: { value: '91.2' },
        ems_response_p90: { value: '9.3' },
      }),
    });
    expect(res.body).toBeFalsy();
    const refused = await stack.driver.slashCommand({ command: '/stat', text: 'submit WATER', userId: LIAISON.FIRE });
    expect(refused.status).toBe(200);
    expect(stack.sandbox.responses(refused.responseUrl!).map((r) => JSON.stringify(r))).toEqual([
      expect.stringContaining("Only Watershed Management's liaisons"),
    ]);
    expect(
      stack.sandbox.openViews(LIAISON.FIRE).filter((v) => v.callback_id === SUBMISSION_CALLBACK_ID && v.open),
    ).toHaveLength(0);
    expect(
      await stack.db.prisma.metricValue.count({
        where: { period: '2026-10', metric: { department: { key: 'WATER' } } },
      }),
    ).toBe(0);
  });

  it('WATER is reminded on the due day and when overdue, then the head and chair are told', async () => {
    await stack.runDue(FRI_6_NOV_1030);
    expect(dmTexts(LIAISON.WATER[1]).at(-1)).toContain('due *today*'.replace(/\*/g, ''));
    await stack.runDue(TUE_10_NOV_1030);
    expect(dmTexts(LIAISON.WATER[1]).at(-1)).toContain('were due Fri 6 Nov (2 business days ago)');
    const escalations = () => dmTexts('U0CHAIR01').filter((t) => t.includes('business days late'));
    expect(escalations()).toHaveLength(0);
    await stack.runDue(THU_12_NOV_1030);
    expect(escalations()).toEqual([
      expect.stringContaining("Watershed Management's October 2026 numbers are 3 business days late"),
    ]);
    expect(dmTexts('U0WATHEAD').at(-1)).toContain('3 business days late');
    // Opening, "due soon", due day and overdue-1 reached the liaisons: the escalation counts them.
    expect(dmTexts('U0WATHEAD').at(-1)).toContain(
      'I have messaged the liaisons about them 4 times, most recently Tue 10 Nov',
    );
    // Nobody else was told: DPW's liaison still has just the opening notice and the confirmation.
    expect(dmTexts(LIAISON.DPW)).toHaveLength(2);
  });

  it("the chair's escalation button shows the late list", async () => {
    const escalation = stack.sandbox.dmsTo('U0CHAIR01').find((m) => m.text.includes('business days late'))!;
    const res = await stack.driver.blockAction({
      userId: 'U0CHAIR01',
      actionId: OPEN_STATUS_ACTION_ID,
      channelId: escalation.channel,
      messageTs: escalation.ts,
    });
    const reply = JSON.stringify(stack.sandbox.responses(res.responseUrl!));
    expect(reply).toContain('Watershed Management');
    expect(reply).toContain('late 3 business days');
    expect(reply).toMatch(/Public Works\* — submitted/);
  });

  it('DPW revises a value; the revision is kept with who, when, old and new', async () => {
    const view = await openForm(LIAISON.DPW);
    const res = await stack.driver.viewSubmission({
      userId: LIAISON.DPW,
      view,
      values: await formValues(stack.db.prisma, 'DPW', {
        sr_on_time: { value: '94.8' },
        potholes_48h: { value: '91' },
        streetlights_7d: { value: '22' },
        missed_pickups: { value: '7.1' },
      }),
    });
    expect(res.body).toBeFalsy();
    const value = await stack.db.prisma.metricValue.findFirstOrThrow({
      where: { period: '2026-10', metric: { key: 'sr_on_time', department: { key: 'DPW' } } },
      include: { revisions: { orderBy: { revision: 'asc' } } },
    });
    expect(value.revisions.map((r) => [r.revision, r.oldValue, r.newValue, r.changedBy])).toEqual([
      [1, null, 95.4, LIAISON.DPW],
      [2, 95.4, 94.8, LIAISON.DPW],
    ]);
    expect(stack.sandbox.dmsTo(LIAISON.DPW).at(-1)!.text).toContain('Revision saved');
  });

  it('an absurd number is refused inline; a far-off one is asked about once; the form reopens cleanly', async () => {
    const typed = {
      sr_on_time: { value: '94.8' },
      potholes_48h: { value: '91' },
      missed_pickups: { value: '7.1' },
    };
    const submit = async (streetlights: string) =>
      stack.driver.viewSubmission({
        userId: LIAISON.DPW,
        view: await openForm(LIAISON.DPW),
        values: await formValues(stack.db.prisma, 'DPW', {
          ...typed,
          streetlights_7d: { value: streetlights, note: 'Contractor backlog' },
        }),
      });
    // streetlights_7d has no max: the Float column would keep 1e+23, and the form would reopen
    // with initial_value "1e+23", which Slack refuses.
    const absurd = await submit('99999999999999999999999');
    expect(absurd.body).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(absurd.body)).toContain('too large');
    // 100 times last month's 22: asked once, kept when submitted again.
    const view = await openForm(LIAISON.DPW);
    const values = await formValues(stack.db.prisma, 'DPW', {
      ...typed,
      streetlights_7d: { value: '2200', note: 'Contractor backlog' },
    });
    const asked = await stack.driver.viewSubmission({ userId: LIAISON.DPW, view, values });
    expect(asked.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(asked.body)).toContain('2,200');
    // The sandbox keeps the updated view (now remembering the question was asked): submit it again.
    const kept = await stack.driver.viewSubmission({ userId: LIAISON.DPW, view, values });
    expect(kept.body).toBeFalsy();
    const saved = await stack.db.prisma.metricValue.findFirstOrThrow({
      where: { period: '2026-10', metric: { key: 'streetlights_7d' } },
    });
    expect(saved.value).toBe(2200);
    // Reopened, the form carries the saved value in Slack's number format (the sandbox checks the
    // whole view against the Block Kit schema after each test).
    const reopened = await openForm(LIAISON.DPW);
    expect(JSON.stringify(reopened)).toContain('"initial_value":"2200"');
  });
});
