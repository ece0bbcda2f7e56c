// Buttons, forms, events and shortcuts carrying what Slack's UI would never send: values for
// other departments, forged private_metadata, wrong types, huge strings, injected mentions.

import { TRACK_FOLLOWUP_CALLBACK_ID } from '../../../src/handlers/shortcuts/track-followup.js';
import { POST_AGENDA_ACTION_ID, RECORD_DECISION_ACTION_ID } from '../../../src/views/agenda-message.js';
import { OPEN_STATUS_ACTION_ID, OPEN_SUBMISSION_ACTION_ID } from '../../../src/views/collection-reminder.js';
import {
  ANSWER_ACTIONS,
  ANSWER_BLOCKS,
  FOLLOWUP_ANSWER_CALLBACK_ID,
} from '../../../src/views/followup-answer-modal.js';
import { MORE_TIME_ACTIONS } from '../../../src/views/followup-chair-messages.js';
import { FOLLOWUP_ANSWER_ACTIONS } from '../../../src/views/followup-message.js';
import { FOLLOWUP_ACTIONS, FOLLOWUP_BLOCKS, FOLLOWUP_CALLBACK_ID } from '../../../src/views/followup-modal.js';
import {
  metricBlockId,
  NOTE_ACTION_ID,
  SUBMISSION_CALLBACK_ID,
  VALUE_ACTION_ID,
} from '../../../src/views/submission-modal.js';
import { type CorpusContext, type HostileCase, TOLD } from './types.js';

const DPW_LIAISON = 'U0DPWLIA1';
const WATER_LIAISON = 'U0WATLIA1';
const CHAIR = 'U0CHAIR01';

const button = (
  name: string,
  userId: string,
  actionId: string,
  value: (c: CorpusContext) => unknown,
  expect: HostileCase['expect'],
  extra: Partial<HostileCase> = {},
): HostileCase => ({
  name: `button ${actionId}: ${name}`,
  expect,
  send: (c) => c.raw.button(userId, { action_id: actionId, value: value(c) }),
  ...extra,
});
const enterNumbers = (
  name: string,
  value: (c: CorpusContext) => unknown,
  expect: HostileCase['expect'],
  extra: Partial<HostileCase> = {},
) => button(name, DPW_LIAISON, OPEN_SUBMISSION_ACTION_ID, value, expect, extra);

/** The numbers form, submitted by DPW's liaison with forged metadata and/or state. */
const numbersForm = (
  name: string,
  meta: (c: CorpusContext) => string,
  state: (c: CorpusContext) => unknown,
  expect: HostileCase['expect'],
  extra: Partial<HostileCase> = {},
): HostileCase => ({
  name: `numbers form: ${name}`,
  expect,
  send: (c) =>
    c.raw.submit(DPW_LIAISON, { callback_id: SUBMISSION_CALLBACK_ID, private_metadata: meta(c), state: state(c) }),
  ...extra,
});
const dpwMeta = (c: CorpusContext, patch: Record<string, unknown> = {}) =>
  JSON.stringify({ d: c.ids.dpw, p: '2026-10', pg: 0, c: [], ...patch });
const oneValue = (metricId: number, value: string, note?: string) => ({
  values: {
    [metricBlockId(metricId, 'value')]: { [VALUE_ACTION_ID]: { type: 'number_input', value } },
    ...(note !== undefined
      ? { [metricBlockId(metricId, 'note')]: { [NOTE_ACTION_ID]: { type: 'plain_text_input', value: note } } }
      : {}),
  },
});

const followUpForm = (
  name: string,
  userId: string,
  v: { text?: string; owner?: string; due?: string; department?: (c: CorpusContext) => string },
  expect: HostileCase['expect'],
  extra: Partial<HostileCase> = {},
): HostileCase => ({
  name: `follow-up form: ${name}`,
  expect,
  ...extra,
  send: (c) =>
    c.raw.submit(userId, {
      callback_id: FOLLOWUP_CALLBACK_ID,
      private_metadata: JSON.stringify({ m: null, s: null }),
      state: {
        values: {
          [FOLLOWUP_BLOCKS.text]: {
            [FOLLOWUP_ACTIONS.text]: { type: 'plain_text_input', value: v.text ?? 'Fix the potholes' },
          },
          [FOLLOWUP_BLOCKS.owner]: {
            [FOLLOWUP_ACTIONS.owner]: { type: 'users_select', selected_user: v.owner ?? 'U0DPWHEAD' },
          },
          [FOLLOWUP_BLOCKS.due]: {
            [FOLLOWUP_ACTIONS.due]: { type: 'datepicker', selected_date: v.due ?? '2026-12-18' },
          },
          [FOLLOWUP_BLOCKS.department]: {
            [FOLLOWUP_ACTIONS.department]: {
              type: 'static_select',
              selected_option: {
                text: { type: 'plain_text', text: 'x' },
                value: v.department?.(c) ?? String(c.ids.dpw),
              },
            },
          },
        },
      },
    }),
});

const answerForm = (
  name: string,
  userId: string,
  meta: (c: CorpusContext) => string,
  expect: HostileCase['expect'],
): HostileCase => ({
  name: `follow-up answer: ${name}`,
  expect,
  send: (c) =>
    c.raw.submit(userId, {
      callback_id: FOLLOWUP_ANSWER_CALLBACK_ID,
      private_metadata: meta(c),
      state: {
        values: {
          [ANSWER_BLOCKS.note]: { [ANSWER_ACTIONS.note]: { type: 'plain_text_input', value: 'done <!channel>' } },
        },
      },
    }),
});

const shortcut = (
  name: string,
  userId: string,
  callbackId: string,
  text: string,
  expect: HostileCase['expect'],
): HostileCase => ({
  name: `message shortcut: ${name}`,
  expect,
  send: ({ driver, sandbox }) => {
    const channel = 'C0STATROOM';
    const message = sandbox.addMessage({ channel, text, user: 'U0DPWHEAD' });
    return driver.messageShortcut({
      userId,
      callbackId,
      channelId: channel,
      message: { text, ts: message.ts, user: 'U0DPWHEAD' },
    });
  },
});

export const INTERACTION_CASES: HostileCase[] = [
  enterNumbers("another department's form", (c) => JSON.stringify({ d: c.ids.water, p: '2026-10' }), TOLD.notLiaison),
  enterNumbers('value that is not JSON', () => '{', TOLD.wentWrong),
  enterNumbers(
    'department id as a string',
    (c) => JSON.stringify({ d: String(c.ids.dpw), p: '2026-10' }),
    TOLD.wentWrong,
  ),
  enterNumbers('100 KB value', () => JSON.stringify({ d: 1, p: 'x'.repeat(100_000) }), TOLD.wentWrong),
  enterNumbers(
    'department id beyond a 32-bit integer',
    () => JSON.stringify({ d: 2147483648, p: '2026-10' }),
    /something went wrong|don't know a department/,
  ),
  enterNumbers('negative department id', () => JSON.stringify({ d: -1, p: '2026-10' }), TOLD.unknownDepartment),
  enterNumbers('month 13', (c) => JSON.stringify({ d: c.ids.dpw, p: '2026-13' }), /something went wrong|period|month/i),
  enterNumbers(
    'a period that has not closed',
    (c) => JSON.stringify({ d: c.ids.dpw, p: '2099-01' }),
    /has not ended yet/,
  ),
  enterNumbers('value of the wrong type (a number)', () => 12345, TOLD.wentWrong),
  button(
    "someone else's follow-up",
    WATER_LIAISON,
    FOLLOWUP_ANSWER_ACTIONS.done,
    (c) => String(c.ids.followUp),
    /only its owner/,
  ),
  button('follow-up id that is not a number', 'U0DPWHEAD', FOLLOWUP_ANSWER_ACTIONS.update, () => 'abc', TOLD.gone),
  button(
    'follow-up id beyond any integer',
    'U0DPWHEAD',
    FOLLOWUP_ANSWER_ACTIONS.blocked,
    () => '99999999999999999999',
    TOLD.gone,
  ),
  button(
    'approve more time as a liaison',
    DPW_LIAISON,
    MORE_TIME_ACTIONS.approve,
    (c) => `${c.ids.followUp}:${c.ids.moreTimeUpdate}`,
    /only chairs and admins can approve new dates/,
  ),
  button('more-time value with three parts', CHAIR, MORE_TIME_ACTIONS.decline, () => '1:2:3', TOLD.wentWrong),
  button(
    'record a decision as a liaison',
    DPW_LIAISON,
    RECORD_DECISION_ACTION_ID,
    (c) => JSON.stringify({ m: c.ids.dpwMetric, d: c.ids.dpw, mt: c.ids.meeting }),
    TOLD.notAllowed,
  ),
  button(
    'record-decision value of the wrong shape',
    CHAIR,
    RECORD_DECISION_ACTION_ID,
    () => JSON.stringify({ m: 'x' }),
    TOLD.wentWrong,
  ),
  button('post the agenda of meeting "NaN"', CHAIR, POST_AGENDA_ACTION_ID, () => 'NaN', TOLD.gone),
  button(
    'post the agenda as a liaison',
    DPW_LIAISON,
    POST_AGENDA_ACTION_ID,
    (c) => String(c.ids.meeting),
    TOLD.notAllowed,
  ),
  button(
    'status for a period with SQL in it',
    CHAIR,
    OPEN_STATUS_ACTION_ID,
    () => '2026-10\'; DROP TABLE "Person"; --',
    /out of date/,
  ),
  button('an action id this app never sent', CHAIR, 'stat_delete_everything', () => 'all', 'ignored'),
  {
    name: 'block_actions with no actions',
    expect: 'ignored',
    send: ({ raw }) =>
      raw.interactive({
        type: 'block_actions',
        user: { id: CHAIR },
        team: { id: 'T0SANDBOX' },
        api_app_id: 'A0SANDBOX',
        actions: [],
      }),
  },
  {
    // Bolt itself fails reading body.user.id, before any middleware: HTTP 500, nothing runs.
    name: 'block_actions without a user',
    expect: 'rejected',
    send: ({ raw, ids }) =>
      raw.interactive({
        type: 'block_actions',
        team: { id: 'T0SANDBOX' },
        api_app_id: 'A0SANDBOX',
        actions: [
          { action_id: OPEN_SUBMISSION_ACTION_ID, type: 'button', value: JSON.stringify({ d: ids.dpw, p: '2026-10' }) },
        ],
      }),
  },
  numbersForm(
    "another department's metadata",
    (c) => dpwMeta(c, { d: c.ids.water }),
    () => ({ values: {} }),
    /liaison/,
  ),
  numbersForm(
    'metadata that is not JSON',
    () => '<xml/>',
    () => ({ values: {} }),
    TOLD.wentWrong,
  ),
  numbersForm(
    '10 KB of metadata',
    () => JSON.stringify({ junk: 'x'.repeat(10_000) }),
    () => ({ values: {} }),
    TOLD.wentWrong,
  ),
  numbersForm(
    'negative page',
    (c) => dpwMeta(c, { pg: -1 }),
    () => ({ values: {} }),
    TOLD.wentWrong,
  ),
  numbersForm(
    'a page past the last',
    (c) => dpwMeta(c, { pg: 99 }),
    () => ({ values: {} }),
    TOLD.wentWrong,
  ),
  numbersForm(
    "another department's metric in the state",
    (c) => dpwMeta(c),
    (c) => oneValue(c.ids.waterMetric, '5'),
    /response_action.*errors|Enter a value|not available/,
  ),
  numbersForm(
    'a value of 1e309',
    (c) => dpwMeta(c),
    (c) => oneValue(c.ids.dpwMetric, '1e309'),
    /response_action.*errors/,
  ),
  numbersForm(
    'a value of NaN',
    (c) => dpwMeta(c),
    (c) => oneValue(c.ids.dpwMetric, 'NaN'),
    /response_action.*errors/,
  ),
  numbersForm(
    'a value with 5,000 digits',
    (c) => dpwMeta(c),
    (c) => oneValue(c.ids.dpwMetric, '9'.repeat(5000)),
    /response_action.*errors/,
  ),
  numbersForm(
    'a 100 KB explanation',
    (c) => dpwMeta(c),
    (c) => oneValue(c.ids.dpwMetric, '1', 'x'.repeat(100_000)),
    /response_action.*errors/,
  ),
  numbersForm(
    'state that is a string',
    (c) => dpwMeta(c),
    () => 'values',
    /response_action.*errors|something went wrong/,
  ),
  numbersForm(
    'state values that are null',
    (c) => dpwMeta(c),
    () => ({ values: null }),
    /response_action.*errors|something went wrong/,
  ),
  followUpForm('submitted by a liaison', DPW_LIAISON, {}, TOLD.notAllowed),
  followUpForm(
    'a department that does not exist',
    CHAIR,
    { department: () => '999999' },
    /response_action":"errors".*department/i,
  ),
  followUpForm('30 February', CHAIR, { due: '2026-02-30' }, /date/i),
  followUpForm('a 100 KB decision', CHAIR, { text: 'x'.repeat(100_000) }, /under 2000 characters/),
  followUpForm('an owner who is not a Slack user', CHAIR, { owner: 'U<script>' }, /owner|person|user/i),
  answerForm(
    "someone else's follow-up",
    WATER_LIAISON,
    (c) => JSON.stringify({ f: c.ids.followUp, k: 'done' }),
    /only its owner/,
  ),
  answerForm(
    'an answer kind that does not exist',
    'U0DPWHEAD',
    (c) => JSON.stringify({ f: c.ids.followUp, k: 'delete' }),
    TOLD.wentWrong,
  ),
  answerForm(
    'a follow-up id that is a string',
    'U0DPWHEAD',
    () => JSON.stringify({ f: 'x', k: 'done' }),
    TOLD.wentWrong,
  ),
  {
    name: 'view_submission with a callback id this app never used',
    expect: 'ignored',
    send: ({ raw }) => raw.submit(CHAIR, { callback_id: 'stat_drop_tables', private_metadata: '{}' }),
  },
  {
    name: 'App Home opened by a user id with markup in it',
    expect: 'ignored',
    send: ({ raw }) =>
      raw.event(raw.appEvent({ type: 'app_home_opened', user: 'U<script>', channel: 'D0X', tab: 'home' })),
  },
  {
    name: 'App Home, messages tab',
    expect: 'ignored',
    send: ({ raw }) =>
      raw.event(raw.appEvent({ type: 'app_home_opened', user: CHAIR, channel: 'D0X', tab: 'messages' })),
  },
  {
    name: 'an event type this app does not subscribe to',
    expect: 'ignored',
    send: ({ raw }) => raw.event(raw.appEvent({ type: 'reaction_added', user: CHAIR, reaction: 'fire' })),
  },
  shortcut('as a liaison', DPW_LIAISON, TRACK_FOLLOWUP_CALLBACK_ID, 'please track this', TOLD.notAllowed),
  shortcut(
    'a 50 KB message with mentions',
    CHAIR,
    TRACK_FOLLOWUP_CALLBACK_ID,
    `<!channel> <@U0DPWHEAD> ${'x'.repeat(50_000)}`,
    /Track a follow-up/,
  ),
  shortcut('a callback id this app never registered', CHAIR, 'stat_other_shortcut', 'hello', 'ignored'),
];
