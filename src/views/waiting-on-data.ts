// "Waiting on data" on a reminder: the button, the modal (until when, and why), its parser and replies.
import { formatDay } from '../domain/calendar/index.js';
import { plain } from './mrkdwn.js';
import type { ModalView } from './slack-message.js';
import { viewStateSchema } from './view-state.js';

export const WAITING_ON_DATA_ACTION_ID = 'stat_waiting_on_data';
export const WAITING_CALLBACK_ID = 'stat_waiting_on_data_form';
export const WAITING_BLOCKS = { until: 'waiting_until', reason: 'waiting_reason' } as const;
const WAITING_ACTIONS = { until: 'until', reason: 'reason' } as const;

export const WAITING_SENTENCES = {
  saved: (until: string, capped: boolean) =>
    `Got it: I will hold the reminders until ${formatDay(until)}${capped ? ' (the due date; they do not pause past it)' : ''}. The chair sees why in /stat status.`,
  notAllowed: 'Only the department’s liaisons (or an away liaison’s delegate) can pause its reminders.',
  badDate: 'Pick a day after today.',
  noReason: 'Say what the numbers are waiting on.',
  notOpen: 'These numbers are already in (or locked): there is nothing to pause.',
} as const;

export function buildWaitingModal(privateMetadata: string, today: string): ModalView {
  return {
    type: 'modal',
    callback_id: WAITING_CALLBACK_ID,
    private_metadata: privateMetadata,
    title: plain('Waiting on data'),
    submit: plain('Pause reminders'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: WAITING_BLOCKS.until,
        label: plain('The data should be in by'),
        element: { type: 'datepicker', action_id: WAITING_ACTIONS.until, initial_date: today },
      },
      {
        type: 'input',
        block_id: WAITING_BLOCKS.reason,
        label: plain('What are the numbers waiting on?'),
        element: { type: 'plain_text_input', action_id: WAITING_ACTIONS.reason, max_length: 300 },
      },
    ],
  };
}

export function parseWaitingState(values: unknown): { until: string; reason: string } {
  const v = viewStateSchema.parse(values);
  return {
    until: v[WAITING_BLOCKS.until]?.[WAITING_ACTIONS.until]?.selected_date ?? '',
    reason: v[WAITING_BLOCKS.reason]?.[WAITING_ACTIONS.reason]?.value ?? '',
  };
}
