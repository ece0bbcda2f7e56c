// "I'm away" in App Home: the block showing the person's absence, its buttons, and the modal that
// sets one (dates and an optional delegate), with the parser of what it submits.
import { formatDay } from '../domain/calendar/index.js';
import type { Absence, AwayProblem } from '../domain/people/away.js';
import { md, plain } from './mrkdwn.js';
import type { KnownBlock, ModalView } from './slack-message.js';
import { viewStateSchema } from './view-state.js';

export const OPEN_AWAY_ACTION_ID = 'stat_open_away';
export const END_AWAY_ACTION_ID = 'stat_end_away';
export const AWAY_CALLBACK_ID = 'stat_away';
export const AWAY_BLOCKS = { start: 'away_start', end: 'away_end', delegate: 'away_delegate' } as const;
const AWAY_ACTIONS = { start: 'start', end: 'end', delegate: 'delegate' } as const;

export const AWAY_PROBLEMS: Record<AwayProblem, { block: keyof typeof AWAY_BLOCKS; text: string }> = {
  bad_dates: { block: 'end', text: 'The last day must be on or after the first day.' },
  in_the_past: { block: 'end', text: 'That absence is already over: pick a last day from today on.' },
  self_delegate: { block: 'delegate', text: 'Pick someone other than yourself, or nobody.' },
  unknown_delegate: {
    block: 'delegate',
    text: 'That person is not in the stat program: pick a colleague the program knows, or nobody.',
  },
  delegate_away: { block: 'delegate', text: 'That person is away at the same time: pick someone else, or nobody.' },
};

export const AWAY_SAVED = 'Saved. While you are away, your reminders go to your delegate (or your colleagues).';

/** App Home's block: the person's absence and a button to set or end it. */
export function buildAwayBlocks(away: Absence | null): KnownBlock[] {
  const text = away
    ? `:palm_tree: *Away ${formatDay(away.startDate)} – ${formatDay(away.endDate)}*${away.delegate ? ` — <@${away.delegate}> answers for you.` : ' — your colleagues get your reminders.'}`
    : 'Going on leave? Tell me, and your reminders go to a delegate while you are away.';
  return [
    { type: 'section', text: md(text) },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: OPEN_AWAY_ACTION_ID, text: plain(away ? 'Change dates' : "I'm away…") },
        ...(away ? [{ type: 'button' as const, action_id: END_AWAY_ACTION_ID, text: plain("I'm back") }] : []),
      ],
    },
  ];
}

export function buildAwayModal(today: string, current: Absence | null): ModalView {
  return {
    type: 'modal',
    callback_id: AWAY_CALLBACK_ID,
    title: plain("I'm away"),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: AWAY_BLOCKS.start,
        label: plain('First day away'),
        element: { type: 'datepicker', action_id: AWAY_ACTIONS.start, initial_date: current?.startDate ?? today },
      },
      {
        type: 'input',
        block_id: AWAY_BLOCKS.end,
        label: plain('Last day away'),
        element: { type: 'datepicker', action_id: AWAY_ACTIONS.end, initial_date: current?.endDate ?? today },
      },
      {
        type: 'input',
        block_id: AWAY_BLOCKS.delegate,
        optional: true,
        label: plain('Who answers for you?'),
        hint: plain('Left empty, your colleagues get your reminders.'),
        element: {
          type: 'users_select',
          action_id: AWAY_ACTIONS.delegate,
          ...(current?.delegate ? { initial_user: current.delegate } : {}),
        },
      },
    ],
  };
}

export function parseAwayState(values: unknown): { startDate: string; endDate: string; delegate: string | null } {
  const v = viewStateSchema.parse(values);
  return {
    startDate: v[AWAY_BLOCKS.start]?.[AWAY_ACTIONS.start]?.selected_date ?? '',
    endDate: v[AWAY_BLOCKS.end]?.[AWAY_ACTIONS.end]?.selected_date ?? '',
    delegate: v[AWAY_BLOCKS.delegate]?.[AWAY_ACTIONS.delegate]?.selected_user ?? null,
  };
}
