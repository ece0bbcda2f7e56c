// The small modal behind each answer button: a note (what was done / progress / what blocks it),
// plus a new date for "Need more time".
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import { type FollowUpCard, followUpSummary } from './followup-message.js';
import { LIMITS } from './limits.js';
import { fitText, md, plain } from './mrkdwn.js';
import type { ModalView } from './slack-message.js';

export type AnswerKind = 'done' | 'update' | 'more_time' | 'blocked';

/** What the owner sees once the answer is saved. */
export const ANSWER_THANKS: Record<AnswerKind, string> = {
  done: 'Marked done — thank you! It will show as closed on the next agenda.',
  update: 'Update posted — it will appear on the next agenda.',
  more_time: 'Request sent to the chair; you will hear back here.',
  blocked: 'The chair has been told you are blocked.',
};

export const FOLLOWUP_ANSWER_CALLBACK_ID = 'stat_followup_answer';
export const ANSWER_BLOCKS = { note: 'answer_note', date: 'answer_date' } as const;
export const ANSWER_ACTIONS = { note: 'note', date: 'date' } as const;

const COPY: Record<AnswerKind, { title: string; label: string; optional: boolean; submit: string }> = {
  done: { title: 'Mark as done', label: 'What was done?', optional: false, submit: 'Mark done' },
  update: { title: 'Post an update', label: 'Progress so far', optional: false, submit: 'Post update' },
  more_time: { title: 'Ask for more time', label: 'Why more time is needed', optional: true, submit: 'Send request' },
  blocked: { title: 'Report a blocker', label: 'What is blocking it?', optional: false, submit: 'Tell the chair' },
};

const metadataSchema = z.object({
  f: z.number().int(),
  k: z.enum(['done', 'update', 'more_time', 'blocked']),
});

/** Reads `private_metadata`: which follow-up, which answer; null when it is not ours. */
export function parseAnswerMetadata(raw: string | undefined): { followUpId: number; kind: AnswerKind } | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw || '{}'));
    return parsed.success ? { followUpId: parsed.data.f, kind: parsed.data.k } : null;
  } catch {
    return null;
  }
}

export function buildFollowUpAnswerModal(card: FollowUpCard, kind: AnswerKind): ModalView {
  const c = COPY[kind];
  const blocks: KnownBlock[] = [
    { type: 'section', text: md(fitText(followUpSummary(card), LIMITS.sectionText)) },
    {
      type: 'input',
      block_id: ANSWER_BLOCKS.note,
      optional: c.optional,
      label: plain(c.label),
      element: {
        type: 'plain_text_input',
        action_id: ANSWER_ACTIONS.note,
        multiline: true,
        max_length: LIMITS.plainTextInput,
      },
    },
  ];
  if (kind === 'more_time')
    blocks.push({
      type: 'input',
      block_id: ANSWER_BLOCKS.date,
      label: plain('Proposed new date'),
      element: { type: 'datepicker', action_id: ANSWER_ACTIONS.date },
    });
  if (kind === 'more_time')
    blocks.push({
      type: 'context',
      elements: [md('The chair approves or declines with one click; you will hear back here.')],
    });
  return {
    type: 'modal',
    callback_id: FOLLOWUP_ANSWER_CALLBACK_ID,
    private_metadata: JSON.stringify({ f: card.id, k: kind }),
    title: plain(c.title),
    submit: plain(c.submit),
    close: plain('Cancel'),
    blocks,
  };
}

const stateSchema = z.record(
  z.string(),
  z.record(z.string(), z.object({ value: z.string().nullish(), selected_date: z.string().nullish() }).loose()),
);

export function parseAnswerState(values: unknown): { note: string; date: string | null } {
  const s = stateSchema.safeParse(values);
  if (!s.success) return { note: '', date: null };
  return {
    note: s.data[ANSWER_BLOCKS.note]?.[ANSWER_ACTIONS.note]?.value ?? '',
    date: s.data[ANSWER_BLOCKS.date]?.[ANSWER_ACTIONS.date]?.selected_date ?? null,
  };
}
