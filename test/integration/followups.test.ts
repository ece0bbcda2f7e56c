// Follow-ups through signed requests and a real database: captured three ways, nagged on business
// days until the owner answers, the chair deciding on more time, escalation, and the answers
// returning on the next agenda. Bad input gets clear errors and nothing is duplicated.
import { describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local-stack/local-stack.js';
import type { StateValues } from '../../local-stack/slack-sandbox/index.js';
import { TRACK_FOLLOWUP_CALLBACK_ID } from '../../src/handlers/shortcuts/track-followup.js';
import { encodeDecision, RECORD_DECISION_ACTION_ID } from '../../src/views/agenda-message.js';
import { ANSWER_ACTIONS, ANSWER_BLOCKS, FOLLOWUP_ANSWER_CALLBACK_ID } from '../../src/views/followup-answer-modal.js';
import { MORE_TIME_ACTIONS } from '../../src/views/followup-chair-messages.js';
import { FOLLOWUP_ANSWER_ACTIONS } from '../../src/views/followup-message.js';
import { FOLLOWUP_ACTIONS, FOLLOWUP_BLOCKS, FOLLOWUP_CALLBACK_ID } from '../../src/views/followup-modal.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

const CHAIR = 'U0CHAIR01';
const GRACE = 'U0WATHEAD';
const MARCUS = 'U0DPWHEAD';
const PRIYA = 'U0DPWLIA1';
// Tue 17 Nov 2026, 10:30 New York: the November roundtable (DPW, WATER) is under way.
const IN_MEETING = '2026-11-17T15:30:00Z';

let s: LocalStack;
// The day before: the scheduler has put the November meeting on the calendar.
useLocalStack({ now: '2026-11-16T15:00:00Z' }, async (stack) => {
  s = stack;
  await s.runDue();
  s.clock.set(IN_MEETING);
  s.sandbox.addUser({ id: 'U0ROBOT01', name: 'helperbot', isBot: true });
  s.sandbox.addUser({ id: 'U0GONE001', name: 'former', deleted: true });
});

const followUpForm = (text: string, owner: string, due: string): StateValues => ({
  [FOLLOWUP_BLOCKS.text]: { [FOLLOWUP_ACTIONS.text]: { type: 'plain_text_input', value: text } },
  [FOLLOWUP_BLOCKS.owner]: { [FOLLOWUP_ACTIONS.owner]: { type: 'users_select', selected_user: owner } },
  [FOLLOWUP_BLOCKS.due]: { [FOLLOWUP_ACTIONS.due]: { type: 'datepicker', selected_date: due } },
});
const modal = (user: string, callbackId: string) =>
  s.sandbox.openViews(user).find((v) => v.callback_id === callbackId)!;
const replyTo = (res: { responseUrl?: string }) => JSON.stringify(s.sandbox.responses(res.responseUrl!));
async function answer(
  user: string,
  id: number,
  kind: keyof typeof FOLLOWUP_ANSWER_ACTIONS,
  note: string,
  date?: string,
) {
  const card = [...s.sandbox.dmsTo(user)]
    .reverse()
    .find((m) => JSON.stringify(m.blocks ?? []).includes(`followup_answers_${id}`));
  if (!card) throw new Error(`no card for follow-up ${id} in ${user}'s DMs`);
  await s.driver.blockAction({
    userId: user,
    actionId: FOLLOWUP_ANSWER_ACTIONS[kind],
    blockId: `followup_answers_${id}`,
    channelId: card.channel,
    messageTs: card.ts,
  });
  const values: StateValues = {
    [ANSWER_BLOCKS.note]: { [ANSWER_ACTIONS.note]: { type: 'plain_text_input', value: note } },
  };
  if (date) values[ANSWER_BLOCKS.date] = { [ANSWER_ACTIONS.date]: { type: 'datepicker', selected_date: date } };
  return s.driver.viewSubmission({ userId: user, view: modal(user, FOLLOWUP_ANSWER_CALLBACK_ID), values });
}

// The follow-ups recorded here are answered, nagged and reported below: the file runs in order.
describe.sequential('capturing decisions', () => {
  it('from the agenda: Record decision opens the modal pre-filled with metric, department and meeting', async () => {
    const water = await s.db.prisma.department.findUniqueOrThrow({ where: { key: 'WATER' } });
    const metric = await s.db.prisma.metric.findFirstOrThrow({ where: { departmentId: water.id, key: 'main_breaks' } });
    const meeting = await s.db.prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date('2026-11-17T15:00:00Z') },
    });
    expect(meeting.departmentKeys).toEqual(['DPW', 'WATER']);
    await s.driver.blockAction({
      userId: CHAIR,
      actionId: RECORD_DECISION_ACTION_ID,
      value: encodeDecision(metric.id, water.id, meeting.id),
      type: 'button',
      container: { type: 'message', is_ephemeral: true },
    });
    const res = await s.driver.viewSubmission({
      userId: CHAIR,
      view: modal(CHAIR, FOLLOWUP_CALLBACK_ID),
      values: followUpForm('Root-cause review of east-side main breaks', GRACE, '2026-12-01'),
    });
    expect(res.body).toBeFalsy();
    const f = await s.db.prisma.followUp.findFirstOrThrow({ where: { ownerUserId: GRACE } });
    expect(f).toMatchObject({
      departmentId: water.id,
      metricId: metric.id,
      meetingId: meeting.id,
      dueDate: '2026-12-01',
      status: 'open',
    });
    expect(s.sandbox.dmsTo(GRACE).at(-1)!.text).toContain('Root-cause review');
  });

  it('from a message shortcut: pre-filled with the text and a link back', async () => {
    const msg = s.sandbox.addMessage({
      channel: 'C0STATROOM',
      text: 'Public Works to report on overtime spend',
      user: CHAIR,
    });
    await s.driver.messageShortcut({
      userId: CHAIR,
      callbackId: TRACK_FOLLOWUP_CALLBACK_ID,
      message: { text: msg.text, ts: msg.ts, user: CHAIR },
      channelId: 'C0STATROOM',
    });
    const view = modal(CHAIR, FOLLOWUP_CALLBACK_ID);
    expect(JSON.stringify(view.blocks)).toContain('Public Works to report on overtime spend');
    expect(JSON.stringify(view.blocks)).toContain('the original message');
    const dpw = await s.db.prisma.department.findUniqueOrThrow({ where: { key: 'DPW' } });
    const values = {
      ...followUpForm('Public Works to report on overtime spend', MARCUS, '2026-12-04'),
      [FOLLOWUP_BLOCKS.department]: {
        [FOLLOWUP_ACTIONS.department]: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text' as const, text: 'Public Works' }, value: String(dpw.id) },
        },
      },
    };
    expect((await s.driver.viewSubmission({ userId: CHAIR, view, values })).body).toBeFalsy();
    expect(
      (await s.db.prisma.followUp.findFirstOrThrow({ where: { text: { contains: 'overtime' } } })).sourceLink,
    ).toMatch(/^https:\/\//);
  });

  it('from the command: a clear date records it at once; a vague one opens the modal instead', async () => {
    const clear = await s.driver.slashCommand({
      command: '/stat',
      text: `followup <@${MARCUS}|marcus> bring a plan for the bucket-truck backlog by 15 Dec`,
      userId: CHAIR,
    });
    expect(replyTo(clear)).toContain('Follow-up recorded for <@U0DPWHEAD>, due Tue 15 Dec');
    expect(
      await s.db.prisma.followUp.count({
        where: { text: 'bring a plan for the bucket-truck backlog', dueDate: '2026-12-15' },
      }),
    ).toBe(1);
    await s.driver.slashCommand({
      command: '/stat',
      text: `followup <@${MARCUS}|marcus> look at crew rosters by sometime soonish`,
      userId: CHAIR,
    });
    const view = modal(CHAIR, FOLLOWUP_CALLBACK_ID);
    expect(JSON.stringify(view.blocks)).toContain('could not read that date for certain');
    expect(await s.db.prisma.followUp.count({ where: { text: { contains: 'crew rosters' } } })).toBe(0);
  });

  it('refuses bad input clearly: past date, a bot or deactivated owner, non-chairs', async () => {
    const past = await s.driver.viewSubmission({
      userId: CHAIR,
      view: modal(CHAIR, FOLLOWUP_CALLBACK_ID),
      values: followUpForm('x', MARCUS, '2026-11-01'),
    });
    expect(JSON.stringify(past.body)).toContain('in the past');
    const bot = await s.driver.viewSubmission({
      userId: CHAIR,
      view: modal(CHAIR, FOLLOWUP_CALLBACK_ID),
      values: followUpForm('x', 'U0ROBOT01', '2026-12-20'),
    });
    expect(JSON.stringify(bot.body)).toContain('not a bot');
    const gone = await s.driver.viewSubmission({
      userId: CHAIR,
      view: modal(CHAIR, FOLLOWUP_CALLBACK_ID),
      values: followUpForm('x', 'U0GONE001', '2026-12-20'),
    });
    expect(JSON.stringify(gone.body)).toContain('deactivated');
    const liaison = await s.driver.slashCommand({
      command: '/stat',
      text: `followup <@${MARCUS}> something by 15 Dec`,
      userId: PRIYA,
    });
    expect(replyTo(liaison)).toContain('only chairs and admins can record decisions');
    expect(await s.db.prisma.followUp.count({ where: { text: 'x' } })).toBe(0);
  });
});

describe.sequential('reporting back', () => {
  it('nags the owner on business days inside working hours, then tells the chair', async () => {
    const f = await s.db.prisma.followUp.findFirstOrThrow({ where: { ownerUserId: GRACE } });
    const before = s.sandbox.dmsTo(GRACE).length;
    await s.runDue('2026-11-28T15:30:00Z'); // Saturday: nothing
    expect(
      s.sandbox
        .dmsTo(GRACE)
        .slice(before)
        .map((m) => m.text),
    ).toEqual([]);
    await s.runDue('2026-12-01T15:30:00Z'); // due day, 10:30 local
    const nags = s.sandbox.dmsTo(GRACE).filter((m) => m.text.includes('due today'));
    expect(nags).toHaveLength(1);
    expect(nags[0]!.text).toContain(f.text.slice(0, 40));
    const afterDueDay = s.sandbox.dmsTo(GRACE).length;
    await s.runDue('2026-12-01T23:30:00Z'); // 18:30 local: after hours, nothing new
    expect(s.sandbox.dmsTo(GRACE)).toHaveLength(afterDueDay);
  });

  it('after enough business days overdue the chair and the department head are told', async () => {
    const marcusOvertime = await s.db.prisma.followUp.findFirstOrThrow({ where: { text: { contains: 'overtime' } } });
    expect(marcusOvertime.dueDate).toBe('2026-12-04');
    // Due Fri 4 Dec; three business days late is Wed 9 Dec. The chair hears once, at 10:00 local.
    await s.runDue('2026-12-09T15:30:00Z');
    const told = () =>
      s.sandbox.dmsTo(CHAIR).filter((m) => m.text.includes('business days overdue') && m.text.includes('overtime'));
    expect(told()).toHaveLength(1);
    expect(s.sandbox.dmsTo(MARCUS).filter((m) => m.text.includes('business days overdue'))).toHaveLength(0); // the owner is nagged, not escalated to
    await s.runDue('2026-12-09T16:30:00Z');
    expect(told()).toHaveLength(1);
    s.clock.set(IN_MEETING);
  });

  it('owner answers: update, more time (chair approves), done — each a history row; a second Done changes nothing', async () => {
    const grace = await s.db.prisma.followUp.findFirstOrThrow({ where: { ownerUserId: GRACE } });
    expect((await answer(GRACE, grace.id, 'update', 'Root cause: pump transient')).body).toMatchObject({
      response_action: 'update',
    });
    await answer(GRACE, grace.id, 'more_time', 'Vendor visits on the 10th', '2026-12-15');
    const request = s.sandbox
      .dmsTo(CHAIR)
      .find((m) => JSON.stringify(m.blocks ?? []).includes(MORE_TIME_ACTIONS.approve))!;
    expect(request.text).toContain('More time requested');
    // A double click: both arrive before Slack replaces the buttons; the row lock serialises them.
    const clicks = await Promise.all(
      [1, 2].map(() =>
        s.driver.blockAction({
          userId: CHAIR,
          actionId: MORE_TIME_ACTIONS.approve,
          channelId: request.channel,
          messageTs: request.ts,
        }),
      ),
    );
    const replies = clicks.map(replyTo).join('\n');
    expect(replies).toContain('Approved: now due Tue 15 Dec');
    expect(replies).toContain('already been answered');
    expect((await s.db.prisma.followUp.findUniqueOrThrow({ where: { id: grace.id } })).dueDate).toBe('2026-12-15');
    expect(s.sandbox.dmsTo(GRACE).filter((m) => m.text.includes('Approved: now due Tue 15 Dec'))).toHaveLength(1);

    const marcus = await s.db.prisma.followUp.findFirstOrThrow({
      where: { text: 'bring a plan for the bucket-truck backlog' },
    });
    await answer(MARCUS, marcus.id, 'done', 'Two trucks leased');
    // A second click on Done (the old card still shows the button) changes nothing and says why.
    const card = s.sandbox
      .dmsTo(MARCUS)
      .find((m) => JSON.stringify(m.blocks ?? []).includes(`followup_answers_${marcus.id}`))!;
    const late = await s.driver.blockAction({
      userId: MARCUS,
      actionId: FOLLOWUP_ANSWER_ACTIONS.done,
      channelId: card.channel,
      messageTs: card.ts,
      blockId: `followup_answers_${marcus.id}`,
    });
    expect(replyTo(late)).toContain('already done');
    const updates = await s.db.prisma.followUpUpdate.findMany({
      where: { followUpId: { in: [grace.id, marcus.id] } },
      orderBy: { id: 'asc' },
    });
    expect(updates.map((u) => [u.followUpId === grace.id ? 'grace' : 'marcus', u.kind])).toEqual([
      ['grace', 'created'],
      ['marcus', 'created'],
      ['grace', 'update'],
      ['grace', 'more_time'],
      ['grace', 'more_time_approved'],
      ['marcus', 'done'],
    ]);
  });

  it('only the owner (or a chair) can answer; blocked tells the chair at once', async () => {
    const overtime = await s.db.prisma.followUp.findFirstOrThrow({ where: { text: { contains: 'overtime' } } });
    await expect(answer(PRIYA, overtime.id, 'done', 'not mine')).rejects.toThrow(/no card/);
    const card = s.sandbox
      .dmsTo(MARCUS)
      .find((m) => JSON.stringify(m.blocks ?? []).includes(`followup_answers_${overtime.id}`))!;
    const refused = await s.driver.blockAction({
      userId: PRIYA,
      actionId: FOLLOWUP_ANSWER_ACTIONS.done,
      value: String(overtime.id),
      type: 'button',
      channelId: card.channel,
      messageTs: card.ts,
      blockId: `followup_answers_${overtime.id}`,
    });
    expect(replyTo(refused)).toContain('only its owner can');
    await answer(MARCUS, overtime.id, 'blocked', 'Payroll export is broken <!channel>');
    const told = s.sandbox.dmsTo(CHAIR).at(-1)!;
    expect(JSON.stringify(told.blocks)).toContain('&lt;!channel&gt;');
    expect((await s.db.prisma.followUp.findUniqueOrThrow({ where: { id: overtime.id } })).blocked).toBe(true);
  });

  it('a button on a follow-up deleted meanwhile says so', async () => {
    const overtime = await s.db.prisma.followUp.findFirstOrThrow({ where: { text: { contains: 'overtime' } } });
    const card = s.sandbox
      .dmsTo(MARCUS)
      .find((m) => JSON.stringify(m.blocks ?? []).includes(`followup_answers_${overtime.id}`))!;
    await s.db.prisma.followUp.delete({ where: { id: overtime.id } });
    const res = await s.driver.blockAction({
      userId: MARCUS,
      actionId: FOLLOWUP_ANSWER_ACTIONS.update,
      channelId: card.channel,
      messageTs: card.ts,
      blockId: `followup_answers_${overtime.id}`,
    });
    expect(replyTo(res)).toContain('no longer exists');
  });

  it('the next agenda for those departments shows the answers', async () => {
    s.clock.set('2026-12-02T15:00:00Z');
    const res = await s.driver.slashCommand({ command: '/stat', text: 'agenda WATER', userId: CHAIR });
    const agenda = replyTo(res);
    expect(agenda).toContain('Root-cause review of east-side main breaks');
    expect(agenda).toContain('Asked for more time');
    expect(agenda).toContain('carried from last meeting');
    expect(agenda).toContain('Done — bring a plan for the bucket-truck backlog');
  });

  it('a follow-up answered Done gets no more nags, while an open one still does', async () => {
    // Due Tue 15 Dec, both: Marcus's backlog plan is done, Grace's root-cause review is open.
    const about = (user: string, words: string) => s.sandbox.dmsTo(user).filter((m) => m.text.includes(words));
    const marcusBefore = about(MARCUS, 'bucket-truck').length;
    const graceBefore = about(GRACE, 'Root-cause review').length;
    await s.runDue('2026-12-15T15:30:00Z');
    await s.runDue('2026-12-16T15:30:00Z');
    expect(about(MARCUS, 'bucket-truck')).toHaveLength(marcusBefore);
    expect(about(GRACE, 'Root-cause review').length).toBeGreaterThan(graceBefore);
  });
});
