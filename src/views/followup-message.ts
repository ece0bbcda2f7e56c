// What a follow-up owner sees: the commitment, its due date and four ways to answer. The same
// card is used for the first notice, each nag, and App Home.

import type { LadderStepName } from '../domain/calendar/index.js';
import { formatDay } from '../domain/calendar/index.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import type { KnownBlock, SlackMessage } from './slack-message.js';

export const FOLLOWUP_ANSWER_ACTIONS = {
  done: 'stat_followup_done',
  update: 'stat_followup_update',
  more_time: 'stat_followup_more_time',
  blocked: 'stat_followup_blocked',
} as const;
export type FollowUpAnswerAction = keyof typeof FOLLOWUP_ANSWER_ACTIONS;

export interface FollowUpCard {
  id: number;
  text: string;
  dueDate: string;
  departmentName: string;
  metricName?: string | null;
  status: string;
  latest?: { kind: string; note: string } | null;
}

export function followUpSummary(f: FollowUpCard): string {
  const metric = f.metricName ? ` · ${escapeMrkdwn(f.metricName)}` : '';
  const latest =
    f.latest && f.latest.kind !== 'created'
      ? `\n_Latest (${f.latest.kind.replace(/_/g, ' ')}):_ ${escapeMrkdwn(fitText(f.latest.note || '—', 500))}`
      : '';
  return `*${escapeMrkdwn(fitText(f.text, 1500))}*\n${escapeMrkdwn(f.departmentName)}${metric} · due ${formatDay(f.dueDate)}${latest}`;
}

export function followUpAnswerButtons(id: number): KnownBlock {
  const value = String(id);
  return {
    type: 'actions',
    block_id: `followup_answers_${id}`,
    elements: [
      { type: 'button', action_id: FOLLOWUP_ANSWER_ACTIONS.done, text: plain('Done'), value, style: 'primary' },
      { type: 'button', action_id: FOLLOWUP_ANSWER_ACTIONS.update, text: plain('Post update'), value },
      { type: 'button', action_id: FOLLOWUP_ANSWER_ACTIONS.more_time, text: plain('Need more time'), value },
      { type: 'button', action_id: FOLLOWUP_ANSWER_ACTIONS.blocked, text: plain('Blocked'), value, style: 'danger' },
    ],
  };
}

/** A follow-up's ladder has no opening step: its first message is the assignment itself. */
export type NagStep = 'assigned' | Exclude<LadderStepName, 'opening'>;

/** `answered`: the owner has posted an answer since the follow-up was recorded (the escalation must not say otherwise). */
const INTRO: Record<NagStep, (days: number, due: string, answered: boolean) => string> = {
  assigned: () => ':memo: A follow-up from the roundtable is yours:',
  reminder_before: (_d, due) => `:calendar: A friendly reminder — this follow-up is due ${due}:`,
  due_day: () => ':calendar: This follow-up is due *today*. A quick answer is enough:',
  overdue: (d) =>
    `:hourglass: This follow-up is ${d} business day${d === 1 ? '' : 's'} past its date. Could you report back?`,
  escalation: (d, _due, answered) =>
    answered
      ? `:information_source: This follow-up is ${d} business days overdue; the owner's latest answer is below:`
      : `:information_source: This follow-up is ${d} business days overdue and the owner has not reported back:`,
};

export function buildFollowUpOwnerMessage(
  f: FollowUpCard,
  step: NagStep,
  businessDaysLate = 0,
  ownerUserId?: string,
): SlackMessage {
  const answered = !!f.latest && f.latest.kind !== 'created';
  const intro = INTRO[step](businessDaysLate, formatDay(f.dueDate), answered);
  const owner = step === 'escalation' && ownerUserId ? ` (owner <@${ownerUserId}>)` : '';
  const text = `${intro}${owner}\n${followUpSummary(f)}`;
  const blocks: KnownBlock[] = [{ type: 'section', text: md(fitText(text, LIMITS.sectionText)) }];
  if (step !== 'escalation') blocks.push(followUpAnswerButtons(f.id));
  return { text: `${intro.replace(/[*:]/g, '')} ${fitText(f.text, 200)}`, blocks };
}

/** To the chair, once per follow-up per absence: the owner's reminders wait until they are back. */
export function buildFollowUpPausedMessage(f: FollowUpCard, ownerUserId: string, awayUntil: string): SlackMessage {
  const lead = `:pause_button: Reminders to <@${ownerUserId}> about this follow-up are paused while they are away, until ${formatDay(awayUntil)}. They pick up again when <@${ownerUserId}> is back; nothing for you to do.`;
  return {
    text: `Reminders to <@${ownerUserId}> are paused while they are away, until ${formatDay(awayUntil)}: ${fitText(f.text, 200)}`,
    blocks: [{ type: 'section', text: md(fitText(`${lead}\n${followUpSummary(f)}`, LIMITS.sectionText)) }],
  };
}
