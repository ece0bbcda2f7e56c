// The head's sign-off: the DM with the numbers and explanations and two buttons (Approve, Return
// with a note), the note's modal, and the DM that brings returned numbers back to the liaisons.
import { z } from 'zod';
import { formatWithUnit } from '../domain/number-format.js';
import { encodeOpenSubmission, OPEN_SUBMISSION_ACTION_ID } from './collection-reminder.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import type { KnownBlock, ModalView, SlackMessage } from './slack-message.js';
import { viewStateSchema } from './view-state.js';

export const APPROVE_SIGN_OFF_ACTION_ID = 'stat_sign_off_approve';
export const RETURN_SIGN_OFF_ACTION_ID = 'stat_sign_off_return';
export const RETURN_SIGN_OFF_CALLBACK_ID = 'stat_sign_off_return_note';
export const RETURN_NOTE_BLOCK = 'sign_off_note';
const RETURN_NOTE_ACTION = 'note';

export interface SignOffRequestContent {
  departmentId: number;
  departmentName: string;
  period: string;
  periodLabel: string;
  submittedBy: string;
  lines: {
    name: string;
    value: number | null;
    unit: string;
    decimals: number;
    notAvailable: boolean;
    note: string | null;
  }[];
}

export const SIGN_OFF_SENTENCES = {
  approved: (dept: string, period: string) => `Approved: ${dept}'s ${period} numbers are final for the packet.`,
  returned: (dept: string, period: string) =>
    `Returned: ${dept}'s liaisons have your note and will revise the ${period} numbers.`,
  notAllowed: 'Only the department head (or their delegate while they are away) can sign off these numbers.',
  notPending: (status: string | null) =>
    status === 'approved'
      ? 'These numbers are already approved.'
      : status === 'returned'
        ? 'These numbers were returned; you will be asked again when they are resubmitted.'
        : 'There is nothing waiting for your sign-off here.',
  locked: 'The packet has gone out and these numbers are locked.',
} as const;

function lineText(l: SignOffRequestContent['lines'][number]): string {
  const value = l.notAvailable || l.value === null ? 'not available' : formatWithUnit(l.value, l.unit, l.decimals);
  return `• ${escapeMrkdwn(l.name)}: *${escapeMrkdwn(value)}*${l.note ? ` — _${escapeMrkdwn(l.note)}_` : ''}`;
}

export function buildSignOffRequest(c: SignOffRequestContent, onBehalfOf: string | null): SlackMessage {
  const intro = `:memo: <@${c.submittedBy}> has entered ${escapeMrkdwn(c.departmentName)}'s ${c.periodLabel} numbers. They go into the packet as "awaiting sign-off" until you approve them.`;
  const value = encodeOpenSubmission(c.departmentId, c.period);
  const blocks: KnownBlock[] = [
    ...(onBehalfOf
      ? [
          {
            type: 'context' as const,
            elements: [md(`You are getting this for *${escapeMrkdwn(onBehalfOf)}*, who is away.`)],
          },
        ]
      : []),
    { type: 'section', text: md(intro) },
    { type: 'section', text: md(fitText(c.lines.map(lineText).join('\n') || 'No values.', LIMITS.sectionText)) },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: APPROVE_SIGN_OFF_ACTION_ID, text: plain('Approve'), style: 'primary', value },
        { type: 'button', action_id: RETURN_SIGN_OFF_ACTION_ID, text: plain('Return with a note'), value },
      ],
    },
  ];
  return { text: `${c.departmentName}'s ${c.periodLabel} numbers are waiting for your sign-off.`, blocks };
}

export function buildReturnModal(departmentId: number, period: string): ModalView {
  return {
    type: 'modal',
    callback_id: RETURN_SIGN_OFF_CALLBACK_ID,
    private_metadata: encodeOpenSubmission(departmentId, period),
    title: plain('Return the numbers'),
    submit: plain('Return'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: RETURN_NOTE_BLOCK,
        label: plain('What should the liaison look at?'),
        element: {
          type: 'plain_text_input',
          action_id: RETURN_NOTE_ACTION,
          multiline: true,
          max_length: 1000,
        },
      },
    ],
  };
}

export function parseReturnNote(values: unknown): string {
  const v = viewStateSchema.parse(values);
  return z
    .string()
    .trim()
    .catch('')
    .parse(v[RETURN_NOTE_BLOCK]?.[RETURN_NOTE_ACTION]?.value ?? '');
}

export function buildReturnedNotice(c: {
  head: string;
  departmentId: number;
  departmentName: string;
  period: string;
  periodLabel: string;
  note: string;
}): SlackMessage {
  const text = `:leftwards_arrow_with_hook: <@${c.head}> returned ${escapeMrkdwn(c.departmentName)}'s ${c.periodLabel} numbers: "${escapeMrkdwn(c.note)}". Please revise them and save again.`;
  return {
    text: `${c.departmentName}'s ${c.periodLabel} numbers were returned: ${c.note}`,
    blocks: [
      { type: 'section', text: md(fitText(text, LIMITS.sectionText)) },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: OPEN_SUBMISSION_ACTION_ID,
            text: plain('Revise numbers'),
            style: 'primary',
            value: encodeOpenSubmission(c.departmentId, c.period),
          },
        ],
      },
    ],
  };
}
