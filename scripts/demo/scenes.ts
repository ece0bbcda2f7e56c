// The demo's story: one month of Riverton's stat cycle, from the October numbers to the next agenda.
import type { LocalStack } from '../../local-stack/local-stack.js';
import { RECORD_DECISION_ACTION_ID } from '../../src/views/agenda-message.js';
import { AWAY_BLOCKS, AWAY_CALLBACK_ID, OPEN_AWAY_ACTION_ID } from '../../src/views/away-view.js';
import {
  CONFIRM_PULLED_ACTION_ID,
  encodeOpenSubmission,
  OPEN_STATUS_ACTION_ID,
  OPEN_SUBMISSION_ACTION_ID,
} from '../../src/views/collection-reminder.js';
import { ANSWER_ACTIONS, ANSWER_BLOCKS, FOLLOWUP_ANSWER_CALLBACK_ID } from '../../src/views/followup-answer-modal.js';
import { MORE_TIME_ACTIONS } from '../../src/views/followup-chair-messages.js';
import { FOLLOWUP_ANSWER_ACTIONS } from '../../src/views/followup-message.js';
import { FOLLOWUP_ACTIONS, FOLLOWUP_BLOCKS, FOLLOWUP_CALLBACK_ID } from '../../src/views/followup-modal.js';
import { APPROVE_SIGN_OFF_ACTION_ID } from '../../src/views/sign-off-message.js';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { formValues, type Typed } from '../../test/helpers/forms.js';
import type { Transcript } from './transcript.js';

const CHAIR = 'U0CHAIR01';
const PRIYA = 'U0DPWLIA1'; // Public Works liaison
const JORGE = 'U0CODLIA1'; // Code Enforcement liaison
const KIM = 'U0FIRLIA1'; // Fire & EMS liaison
const TOM = 'U0WATLIA1'; // Watershed liaison
const GRACE = 'U0WATHEAD'; // Watershed head
const MARCUS = 'U0DPWHEAD'; // Public Works head
const LENA = 'U0WATLIA2'; // Watershed liaison, Kim's delegate while she is on leave
const ADA = 'U0FIRHEAD'; // Fire & EMS head (signs off Fire's numbers)

export async function playScenes(s: LocalStack, t: Transcript): Promise<void> {
  const at = (iso: string, title: string, narration: string) => {
    s.clock.set(iso);
    t.begin(title, s.clock.now(), narration);
  };
  const lastDmWith = (user: string, actionId: string) => {
    const m = [...s.sandbox.dmsTo(user)].reverse().find((x) => JSON.stringify(x.blocks).includes(actionId));
    if (!m) throw new Error(`demo: no message for ${user} with ${actionId}`);
    return m;
  };
  const click = (user: string, actionId: string) => {
    const m = lastDmWith(user, actionId);
    return s.driver.blockAction({ userId: user, actionId, channelId: m.channel, messageTs: m.ts });
  };
  const openView = (user: string, callbackId: string) => {
    const v = s.sandbox.openViews(user).find((x) => x.callback_id === callbackId);
    if (!v) throw new Error(`demo: no ${callbackId} modal open for ${user}`);
    return v;
  };
  const submitNumbers = async (user: string, dept: string, typed: Record<string, Typed>, label: string) => {
    const res = await s.driver.viewSubmission({
      userId: user,
      view: openView(user, SUBMISSION_CALLBACK_ID),
      values: await formValues(s.db.prisma, dept, typed),
    });
    t.ack(label, res.body);
    return res;
  };

  at(
    '2026-11-02T13:00:00Z',
    '0. Kim goes on leave and names a delegate',
    "in App Home, Kim says she is away 2–13 November and that Lena (a Watershed liaison who knows Fire's systems) answers for her.",
  );
  await s.driver.appHomeOpened(KIM);
  await s.sandbox.waitForCall('views.publish', { where: (c) => c.args.user_id === KIM, timeoutMs: 5000 });
  const home = s.sandbox.homeView(KIM);
  if (!home) throw new Error('demo: no App Home for Kim');
  await s.driver.blockAction({ userId: KIM, actionId: OPEN_AWAY_ACTION_ID, view: home });
  const away = await s.driver.viewSubmission({
    userId: KIM,
    view: openView(KIM, AWAY_CALLBACK_ID),
    values: {
      [AWAY_BLOCKS.start]: { start: { type: 'datepicker', selected_date: '2026-11-02' } },
      [AWAY_BLOCKS.end]: { end: { type: 'datepicker', selected_date: '2026-11-13' } },
      [AWAY_BLOCKS.delegate]: { delegate: { type: 'users_select', selected_user: LENA } },
    },
  });
  t.ack("I'm away", away.body);

  at(
    '2026-11-02T15:30:00Z',
    '1. October closes: sources are pulled, then the opening notice',
    "the scheduler pulls the 8 sourced metrics (311 and permits databases over SQL, the open-data portal, the sanitation CSV drop, the CAD web service), then every liaison gets one DM. Public Works' values all arrived by themselves, so Priya is offered one click. The CAD source fails (its key is not set): the admin gets one notice for it, not one per metric or liaison. Kim is on leave, so Fire's opening goes to Lena, in the same DM as her own Watershed one. Code Enforcement also tracks one weekly front-line metric: Jorge gets one DM for the week just closed, and a reminder on its due day only because it is still missing.",
  );
  await s.runDue();

  at(
    '2026-11-02T16:10:00Z',
    '2. Public Works confirms its pulled numbers, explaining the one off target',
    'Priya clicks Confirm numbers. Potholes filled within 48 hours came in at 80.0%, off target for a second month, so the form opens for a short explanation instead; with it, the four values are saved with where they came from.',
  );
  await click(PRIYA, CONFIRM_PULLED_ACTION_ID);
  await s.sandbox.waitForCall('views.open', { where: (c) => JSON.stringify(c.args).includes(SUBMISSION_CALLBACK_ID) });
  await submitNumbers(
    PRIYA,
    'DPW',
    {
      sr_on_time: { value: '96' },
      potholes_48h: {
        value: '80',
        note: 'Two of five crews were out for most of October; overtime is clearing the backlog.',
      },
      streetlights_7d: { value: '21' },
      missed_pickups: { value: '6.8' },
    },
    'Save (with a note on the off-target value)',
  );

  at(
    '2026-11-04T15:30:00Z',
    '3. A reminder two business days before the due date',
    'only departments that have not submitted hear from the bot.',
  );
  await s.runDue();

  at(
    '2026-11-05T14:20:00Z',
    "4. Code Enforcement overrides a pulled value; Lena enters Fire's numbers for Kim",
    "Jorge uses `/stat submit`: two values are pre-filled from the permits system. He corrects one (three units were counted twice) and is asked for a note; with it, the override is saved as a revision beside the pulled value. Lena, as Kim's delegate, uses the Fire button in her DM: the form says the CAD value could not be pulled and why. Fire needs its head's sign-off, so Chief Okafor gets the numbers with Approve and Return.",
  );
  const cmd = await s.driver.slashCommand({ command: '/stat', text: 'submit', userId: JORGE });
  t.ack('/stat submit', cmd.body);
  const code = {
    days_to_inspect: { value: '84' },
    units_remediated: { value: '128' },
    liens_collected: { value: '268400' },
    cases_closed_90d: { value: '69.8' },
  };
  await submitNumbers(JORGE, 'CODE', code, 'Save (changed a pulled value, no note)');
  await submitNumbers(
    JORGE,
    'CODE',
    {
      ...code,
      units_remediated: { value: '128', note: 'Three units on Elm St were entered twice in the permits system.' },
    },
    'Save (with a note)',
  );
  const fire = await s.db.prisma.department.findUniqueOrThrow({ where: { key: 'FIRE' } });
  const lenaDm = lastDmWith(LENA, OPEN_SUBMISSION_ACTION_ID);
  await s.driver.blockAction({
    userId: LENA,
    actionId: OPEN_SUBMISSION_ACTION_ID,
    channelId: lenaDm.channel,
    messageTs: lenaDm.ts,
    value: encodeOpenSubmission(fire.id, '2026-10'),
  });
  await submitNumbers(
    LENA,
    'FIRE',
    { turnout_p90: { value: '77' }, calls_10s: { value: '91.4' }, ems_response_p90: { value: '9.4' } },
    'Save (for Kim)',
  );

  at(
    '2026-11-05T16:00:00Z',
    "4b. The Chief approves Fire's numbers",
    'one click: the numbers are final for the packet, and the lock will record who approved them and when.',
  );
  await click(ADA, APPROVE_SIGN_OFF_ACTION_ID);

  at('2026-11-06T15:30:00Z', '5. Due day', 'Watershed has not submitted; its liaisons get the due-day note.');
  await s.runDue();

  at(
    '2026-11-10T14:05:00Z',
    '5b. The October citywide brief, and the goals',
    "On the program's brief day (the 10th) the cabinet channel and the chair get one brief across every department: the metrics most worth leadership's attention (one flagged *no plan yet*), improvements worth recognising, goals at risk, who has not submitted and the program's health in one line; the charts follow in the thread. Then the chair asks for the goals with `/stat goals`.",
  );
  await s.runDue();
  const goals = await s.driver.slashCommand({ command: '/stat', text: 'goals', userId: CHAIR });
  t.ack('/stat goals', goals.body);

  at(
    '2026-11-12T15:30:00Z',
    '6. Three business days late: escalation',
    'Wed 11 Nov was a holiday, so Thursday is the third business day late. The head and the chair are told; the chair opens the late list.',
  );
  await s.runDue();
  const esc = lastDmWith(CHAIR, OPEN_STATUS_ACTION_ID);
  await s.driver.blockAction({
    userId: CHAIR,
    actionId: OPEN_STATUS_ACTION_ID,
    channelId: esc.channel,
    messageTs: esc.ts,
  });

  at(
    '2026-11-12T19:00:00Z',
    '7. Watershed submits — one value far outside its usual range',
    'Tom types 46 instead of 4.6 main breaks per 100 miles; the form asks once before saving, he fixes it.',
  );
  await click(TOM, OPEN_SUBMISSION_ACTION_ID);
  const water = {
    sr_on_time: { value: '93.1' },
    main_breaks: { value: '46', note: 'Cold snap: 14 breaks on the east side in one week.' },
    days_to_repair: { value: '3.4' },
    chlorine_residual: { value: '1.05' },
  };
  await submitNumbers(TOM, 'WATER', water, 'Save (46 main breaks)');
  await submitNumbers(
    TOM,
    'WATER',
    { ...water, main_breaks: { ...water.main_breaks, value: '4.6' } },
    'Save (corrected to 4.6)',
  );

  at(
    '2026-11-13T15:00:00Z',
    '8. The packet, two working days before the roundtable',
    "for Tuesday 17 Nov (Public Works and Watershed): summary tables, charts in the thread, the chair's briefing. October is now locked.",
  );
  await s.runDue();

  at(
    '2026-11-17T15:05:00Z',
    '9. In the meeting: the agenda and a decision',
    'the chair runs `/stat agenda`, then records a decision on the top item.',
  );
  const agenda = await s.driver.slashCommand({ command: '/stat', text: 'agenda', userId: CHAIR });
  t.ack('/stat agenda', agenda.body);
  const agendaReply = s.sandbox.responses(agenda.responseUrl!)[0];
  const decisionButton = JSON.stringify(agendaReply?.body.blocks ?? []).match(
    /"action_id":"stat_agenda_record_decision","text":\{[^}]*\},"value":"((?:[^"\\]|\\.)*)"/,
  );
  await s.driver.blockAction({
    userId: CHAIR,
    actionId: RECORD_DECISION_ACTION_ID,
    value: JSON.parse(`"${decisionButton?.[1] ?? ''}"`),
    type: 'button',
    container: { type: 'message', is_ephemeral: true },
  });
  const fu = await s.driver.viewSubmission({
    userId: CHAIR,
    view: openView(CHAIR, FOLLOWUP_CALLBACK_ID),
    values: {
      [FOLLOWUP_BLOCKS.text]: {
        [FOLLOWUP_ACTIONS.text]: {
          type: 'plain_text_input',
          value: 'Bring a root-cause review of the east-side main breaks and a crew plan for the winter.',
        },
      },
      [FOLLOWUP_BLOCKS.owner]: { [FOLLOWUP_ACTIONS.owner]: { type: 'users_select', selected_user: GRACE } },
      [FOLLOWUP_BLOCKS.due]: { [FOLLOWUP_ACTIONS.due]: { type: 'datepicker', selected_date: '2026-12-01' } },
    },
  });
  t.ack('Save follow-up', fu.body);
  const quick = await s.driver.slashCommand({
    command: '/stat',
    text: `followup <@${MARCUS}|marcus> bring a plan for the bucket-truck backlog by 15 Dec`,
    userId: CHAIR,
  });
  t.ack('/stat followup', quick.body);

  at(
    '2026-11-17T18:00:00Z',
    '10. The meeting record',
    'posted after the meeting (well within two days); each owner gets their list.',
  );
  await s.runDue();

  at(
    '2026-12-01T15:30:00Z',
    '11. Follow-ups come due: owners report back',
    'Grace gets the due-day nudge, posts an update and asks for more time; the chair approves in one click. Marcus marks his done.',
  );
  await s.runDue();
  await click(GRACE, FOLLOWUP_ANSWER_ACTIONS.update);
  t.ack(
    'Post update',
    (
      await s.driver.viewSubmission({
        userId: GRACE,
        view: openView(GRACE, FOLLOWUP_ANSWER_CALLBACK_ID),
        values: {
          [ANSWER_BLOCKS.note]: {
            [ANSWER_ACTIONS.note]: {
              type: 'plain_text_input',
              value: 'Root cause found: a pressure transient from the new pump station. Crew plan drafted.',
            },
          },
        },
      })
    ).body,
  );
  await click(GRACE, FOLLOWUP_ANSWER_ACTIONS.more_time);
  t.ack(
    'Need more time',
    (
      await s.driver.viewSubmission({
        userId: GRACE,
        view: openView(GRACE, FOLLOWUP_ANSWER_CALLBACK_ID),
        values: {
          [ANSWER_BLOCKS.note]: {
            [ANSWER_ACTIONS.note]: { type: 'plain_text_input', value: 'The pump vendor visits on the 10th.' },
          },
          [ANSWER_BLOCKS.date]: { [ANSWER_ACTIONS.date]: { type: 'datepicker', selected_date: '2026-12-15' } },
        },
      })
    ).body,
  );
  await click(CHAIR, MORE_TIME_ACTIONS.approve);
  await click(MARCUS, FOLLOWUP_ANSWER_ACTIONS.done);
  t.ack(
    'Mark done',
    (
      await s.driver.viewSubmission({
        userId: MARCUS,
        view: openView(MARCUS, FOLLOWUP_ANSWER_CALLBACK_ID),
        values: {
          [ANSWER_BLOCKS.note]: {
            [ANSWER_ACTIONS.note]: {
              type: 'plain_text_input',
              value: 'Plan presented to the COO: two trucks leased, backlog cleared by 20 Dec.',
            },
          },
        },
      })
    ).body,
  );

  at(
    '2026-12-02T15:00:00Z',
    '12. The next agenda shows the answers',
    'the chair looks ahead to the next Watershed roundtable; App Home shows the program at a glance.',
  );
  const next = await s.driver.slashCommand({ command: '/stat', text: 'agenda WATER', userId: CHAIR });
  t.ack('/stat agenda WATER', next.body);
  await s.driver.appHomeOpened(CHAIR);
}
