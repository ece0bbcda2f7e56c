// A month of collection with the right people at the right time: a liaison on leave whose delegate
// answers, a liaison in Tokyo for a New York program, a person who is liaison for three
// departments. Run hour by hour through the sandbox: nobody away is reminded, no DM leaves outside
// its recipient's working hours, and each person gets one DM per ladder step.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWithinWorkingHours } from '../../src/domain/calendar/index.js';
import { lockPeriods } from '../../src/services/collection/lock-periods.js';
import { AWAY_BLOCKS, OPEN_AWAY_ACTION_ID } from '../../src/views/away-view.js';
import { encodeOpenSubmission, OPEN_SUBMISSION_ACTION_ID } from '../../src/views/collection-reminder.js';
import {
  APPROVE_SIGN_OFF_ACTION_ID,
  RETURN_NOTE_BLOCK,
  RETURN_SIGN_OFF_ACTION_ID,
} from '../../src/views/sign-off-message.js';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { WAITING_BLOCKS, WAITING_CALLBACK_ID, WAITING_ON_DATA_ACTION_ID } from '../../src/views/waiting-on-data.js';
import { formValues } from '../helpers/forms.js';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

const FILE = path.join(mkdtempSync(path.join(tmpdir(), 'statbot-month-')), 'city.yaml');
writeFileSync(
  FILE,
  `program:
  name: Harbor City Stat
  timezone: America/New_York
  starts_with: 2026-10
  respect_slack_status: true
  reminders: { days_before: 2, overdue_every: 2, escalate_after: 3, max_overdue: 3, send_time: "10:00" }
people:
  - { name: Chair Cho, slack_id: U0CHAIR, roles: [chair, admin] }
  - { name: Head Hana, email: hana@harbor.example.gov, roles: ["head:PARKS", "head:ROADS", "head:LIBRARY", "head:PORT"] }
  - { name: Pat Three, email: pat@harbor.example.gov, roles: ["liaison:PARKS", "liaison:ROADS", "liaison:LIBRARY"] }
  - { name: Kenji Tokyo, email: kenji@harbor.example.gov, roles: ["liaison:ROADS"] }
  - { name: Ana Leave, email: ana@harbor.example.gov, roles: ["liaison:PORT"] }
  - { name: Dee Delegate, email: dee@harbor.example.gov, roles: [] }
departments:
${['PARKS', 'ROADS', 'LIBRARY', 'PORT']
  .map(
    (k) => `  - key: ${k}
    name: ${k[0]}${k.slice(1).toLowerCase()}
${k === 'PARKS' ? '    sign_off: head\n' : ''}    metrics:
      - { key: m1, name: ${k} measure, polarity: higher_is_better, target: 10 }
`,
  )
  .join('')}`,
);

const TZ: Record<string, string> = {
  U0CHAIR: 'America/New_York',
  U0HANA: 'America/New_York',
  U0PAT: 'America/Chicago',
  U0KENJI: 'Asia/Tokyo',
  U0ANA: 'America/New_York',
  U0DEE: 'America/Los_Angeles',
};

const stack = useLocalStack({
  now: '2026-11-01T15:00:00Z',
  programFile: FILE,
  seedWorkspace: (sandbox) => {
    for (const [id, tz] of Object.entries(TZ)) {
      const name = id.slice(2).toLowerCase();
      sandbox.addUser({ id, name, tz, email: `${name}@harbor.example.gov` });
    }
    sandbox.addUser({ id: 'U0STRANGER', name: 'stranger' });
    // The chair's Slack status says vacation until 1 Dec: with respect_slack_status, that is away.
    sandbox.addUser({
      id: 'U0CHAIR',
      name: 'chair',
      tz: TZ.U0CHAIR,
      email: 'chair@harbor.example.gov',
      status: { text: 'On vacation', emoji: ':palm_tree:', expiration: Date.parse('2026-12-01T05:00:00Z') / 1000 },
    });
  },
});

const CAL = { workdayStart: '09:00', workdayEnd: '17:00', holidays: [] as string[] };

async function setAway(userId: string, delegate: string) {
  const s = stack();
  await s.driver.appHomeOpened(userId);
  await s.sandbox.waitForCall('views.publish', { where: (c) => c.args.user_id === userId, timeoutMs: 5000 });
  const home = s.sandbox.homeView(userId)!;
  await s.driver.blockAction({ userId, actionId: OPEN_AWAY_ACTION_ID, view: home });
  const modal = s.sandbox.openViews(userId).at(-1)!;
  return s.driver.viewSubmission({
    userId,
    view: modal,
    values: {
      [AWAY_BLOCKS.start]: { start: { type: 'datepicker', selected_date: '2026-11-01' } },
      [AWAY_BLOCKS.end]: { end: { type: 'datepicker', selected_date: '2026-11-30' } },
      [AWAY_BLOCKS.delegate]: { delegate: { type: 'users_select', selected_user: delegate } },
    },
  });
}

async function submit(userId: string, departmentKey: string, value: string) {
  const s = stack();
  const dept = await s.db.prisma.department.findUniqueOrThrow({ where: { key: departmentKey } });
  const dm = s.sandbox.dmsTo(userId).find((m) => JSON.stringify(m.blocks).includes(OPEN_SUBMISSION_ACTION_ID))!;
  await s.driver.blockAction({
    userId,
    actionId: OPEN_SUBMISSION_ACTION_ID,
    channelId: dm.channel,
    messageTs: dm.ts,
    value: encodeOpenSubmission(dept.id, '2026-10'),
  });
  const view = s.sandbox.openViews(userId).find((v) => v.callback_id === SUBMISSION_CALLBACK_ID);
  if (!view) throw new Error(`no form opened for ${userId}`);
  const values = await formValues(s.db.prisma, departmentKey, { m1: { value } });
  return s.driver.viewSubmission({ userId, view, values });
}

async function clickOnLastDm(userId: string, actionId: string) {
  const s = stack();
  const dm = s.sandbox.dmsTo(userId).at(-1)!;
  return s.driver.blockAction({ userId, actionId, channelId: dm.channel, messageTs: dm.ts });
}

describe.sequential('a month with the right people at the right time', () => {
  it('refuses a delegate the program does not know, then saves the absence from App Home', async () => {
    const refused = await setAway('U0ANA', 'U0STRANGER');
    expect(refused.body).toMatchObject({
      response_action: 'errors',
      errors: { [AWAY_BLOCKS.delegate]: expect.stringContaining('not in the stat program') },
    });
    const saved = await setAway('U0ANA', 'U0DEE');
    expect(saved.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(stack().sandbox.homeView('U0ANA')?.blocks)).toContain('<@U0DEE> answers for you');
  });

  it('runs November every three hours: nobody away reminded, nothing outside working hours, one DM per step', {
    timeout: 240_000,
  }, async () => {
    const s = stack();
    const runUntil = async (from: string, to: string) => {
      for (let t = Date.parse(from); t <= Date.parse(to); t += 3 * 3_600_000) await s.runDue(new Date(t));
    };
    await runUntil('2026-11-01T16:00:00Z', '2026-11-02T22:00:00Z');
    // Pat says LIBRARY's numbers wait on a source system until Thu 5 Nov (the opening DM's button).
    const library = await s.db.prisma.department.findUniqueOrThrow({ where: { key: 'LIBRARY' } });
    const opening = s.sandbox.dmsTo('U0PAT').at(-1)!;
    await s.driver.blockAction({
      userId: 'U0PAT',
      actionId: WAITING_ON_DATA_ACTION_ID,
      channelId: opening.channel,
      messageTs: opening.ts,
      value: encodeOpenSubmission(library.id, '2026-10'),
    });
    const form = s.sandbox.openViews('U0PAT').find((v) => v.callback_id === WAITING_CALLBACK_ID)!;
    const paused = await s.driver.viewSubmission({
      userId: 'U0PAT',
      view: form,
      values: {
        [WAITING_BLOCKS.until]: { until: { type: 'datepicker', selected_date: '2026-11-05' } },
        [WAITING_BLOCKS.reason]: { reason: { type: 'plain_text_input', value: 'the catalogue export is late' } },
      },
    });
    expect(paused.body).toMatchObject({ response_action: 'update' });
    expect(await slashReply(s, 'status', 'U0CHAIR')).toContain('waiting on data until Thu 5 Nov');
    await runUntil('2026-11-03T01:00:00Z', '2026-11-18T23:00:00Z');
    const beforeDue = s.sandbox.dmsTo('U0PAT').filter((m) => m.text.includes('friendly reminder'));
    expect(beforeDue).toHaveLength(1);
    expect(beforeDue[0]!.text).toContain('Parks');
    expect(beforeDue[0]!.text).not.toContain('Library');
    const sent = await s.db.prisma.scheduledNotice.findMany({
      where: { status: 'sent', kind: { startsWith: 'collect_' } },
      orderBy: { id: 'asc' },
    });
    const target = (n: (typeof sent)[number]) => `U${n.slackChannel!.slice(1)}`;
    expect(sent.length).toBeGreaterThan(10);
    // 0 reminders to anyone away: Ana is on leave all month; the chair's Slack status says vacation.
    expect(sent.filter((n) => target(n) === 'U0ANA')).toEqual([]);
    expect(sent.filter((n) => target(n) === 'U0CHAIR')).toEqual([]);
    expect(s.sandbox.calls.some((c) => c.method === 'users.profile.get')).toBe(true);
    // 0 sent outside the recipient's own working hours (Kenji's are Tokyo's).
    const outside = sent.filter((n) => !isWithinWorkingHours(n.sentAt!, { ...CAL, timezone: TZ[target(n)]! }));
    expect(outside.map((n) => `${n.key} → ${target(n)} at ${n.sentAt!.toISOString()}`)).toEqual([]);
    expect(sent.some((n) => target(n) === 'U0KENJI')).toBe(true);
    // Due dates stay the program's, said in Kenji's terms.
    expect(s.sandbox.dmsTo('U0KENJI')[0]!.text).toContain('due Fri 6 Nov, New York time');
    // One DM per person per ladder step.
    const perStep = new Map<string, number>();
    for (const n of sent) {
      const k = `${target(n)}:${n.key.split(':')[3]}`;
      perStep.set(k, (perStep.get(k) ?? 0) + 1);
    }
    expect([...perStep].filter(([, count]) => count > 1)).toEqual([]);
    // Pat's opening DM lists all three departments; Dee's answers for Ana.
    const dms = (user: string) => s.sandbox.messages.filter((m) => m.channel === `D${user.slice(1)}`);
    const patOpening = dms('U0PAT').find((m) => m.text.includes('has closed'))!;
    for (const name of ['Parks', 'Roads', 'Library']) expect(patOpening.text).toContain(name);
    expect(dms('U0DEE').length).toBeGreaterThan(0);
    expect(dms('U0DEE')[0]!.text).toContain('For Ana Leave, who is away');
    expect(dms('U0HANA').filter((m) => m.text.includes('late')).length).toBeGreaterThan(0);
  });

  it('the delegate answers for the liaison on leave', async () => {
    const s = stack();
    s.clock.set('2026-11-19T16:00:00Z');
    expect((await submit('U0DEE', 'PORT', '11')).body).toBeFalsy();
    const port = await s.db.prisma.departmentPeriod.findFirstOrThrow({ where: { department: { key: 'PORT' } } });
    expect(port.submittedBy).toBe('U0DEE');
    // Someone who is neither PORT's liaison nor Ana's delegate still cannot: no form opens.
    await expect(submit('U0KENJI', 'PORT', '3')).rejects.toThrow();
    expect(s.sandbox.openViews('U0KENJI').filter((v) => v.callback_id === SUBMISSION_CALLBACK_ID)).toEqual([]);
  });

  it('the head returns a submission with a note, then approves the revision; the lock records it', async () => {
    const s = stack();
    s.clock.set('2026-11-19T16:00:00Z');
    expect((await submit('U0PAT', 'PARKS', '12')).body).toBeFalsy();
    const request = s.sandbox.dmsTo('U0HANA').at(-1)!;
    expect(request.text).toContain("Parks's October 2026 numbers are waiting for your sign-off");
    expect(await slashReply(s, 'status', 'U0CHAIR')).toContain('awaiting sign-off');
    await clickOnLastDm('U0HANA', RETURN_SIGN_OFF_ACTION_ID);
    const modal = s.sandbox.openViews('U0HANA').at(-1)!;
    const returned = await s.driver.viewSubmission({
      userId: 'U0HANA',
      view: modal,
      values: { [RETURN_NOTE_BLOCK]: { note: { type: 'plain_text_input', value: 'Count the new playground too.' } } },
    });
    expect(returned.body).toMatchObject({ response_action: 'update' });
    expect(s.sandbox.dmsTo('U0PAT').at(-1)!.text).toContain('returned: Count the new playground too.');
    expect(await slashReply(s, 'status', 'U0CHAIR')).toContain('returned by the head for revision');
    expect((await submit('U0PAT', 'PARKS', '13')).body).toBeFalsy();
    expect(s.sandbox.dmsTo('U0HANA').filter((m) => m.text.includes('waiting for your sign-off'))).toHaveLength(2);
    await clickOnLastDm('U0HANA', APPROVE_SIGN_OFF_ACTION_ID);
    const parks = await s.db.prisma.departmentPeriod.findFirstOrThrow({ where: { department: { key: 'PARKS' } } });
    expect(parks).toMatchObject({ signOffStatus: 'approved', signedOffBy: 'U0HANA' });
    await lockPeriods(s.db.prisma, [{ departmentId: parks.departmentId, period: '2026-10' }], 'U0CHAIR', s.clock.now());
    const lock = await s.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'period.lock' } });
    expect(lock.detail).toMatchObject({ signOff: [{ status: 'approved', by: 'U0HANA' }] });
  });
});
