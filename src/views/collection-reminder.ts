// Collection DMs along the reminder ladder: opening notice, reminder, due day, overdue, and the
// escalation to the department head and chair. Each carries the button that opens the form.
import { z } from 'zod';
import { formatDay } from './format.js';
import { escapeMrkdwn, md, plain, possessive } from './mrkdwn.js';
import type { KnownBlock, SlackMessage } from './slack-message.js';

export const OPEN_SUBMISSION_ACTION_ID = 'stat_open_submission';
export const OPEN_STATUS_ACTION_ID = 'stat_open_status';

const buttonValueSchema = z.object({ d: z.number().int(), p: z.string().regex(/^\d{4}-(\d{2}|Q[1-4])$/) });

export function encodeOpenSubmission(departmentId: number, period: string): string {
  return JSON.stringify({ d: departmentId, p: period });
}

export function decodeOpenSubmission(value: string | undefined): { departmentId: number; period: string } | null {
  try {
    const parsed = buttonValueSchema.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? { departmentId: parsed.data.d, period: parsed.data.p } : null;
  } catch {
    return null;
  }
}

export type CollectionStep = 'opening' | 'reminder_before' | 'due_day' | 'overdue' | 'escalation';

export interface ReminderContent {
  step: CollectionStep;
  departmentId: number;
  departmentName: string;
  period: string;
  periodLabel: string;
  /** ISO date (YYYY-MM-DD) the numbers are due. */
  dueDate: string;
  businessDaysLate: number;
  missingMetrics: number;
  totalMetrics: number;
}

function sentence(c: ReminderContent & { dueLabel: string }): string {
  const dept = possessive(escapeMrkdwn(c.departmentName));
  const left = c.missingMetrics < c.totalMetrics ? ` (${c.missingMetrics} of ${c.totalMetrics} still to enter)` : '';
  switch (c.step) {
    case 'opening':
      return `:wave: ${c.periodLabel} has closed. ${dept} numbers for ${c.periodLabel} are due *${c.dueLabel}*. It takes a few minutes — thank you!`;
    case 'reminder_before':
      return `:calendar: A friendly reminder: ${dept} ${c.periodLabel} numbers are due *${c.dueLabel}*${left}.`;
    case 'due_day':
      return `:calendar: ${dept} ${c.periodLabel} numbers are due *today*${left}. If something is holding them up, enter what you have and mark the rest not available with a reason.`;
    case 'overdue':
      return `:hourglass: ${dept} ${c.periodLabel} numbers were due ${c.dueLabel} (${c.businessDaysLate} business day${c.businessDaysLate === 1 ? '' : 's'} ago)${left}. The roundtable packet needs them — could you enter them today?`;
    case 'escalation':
      return `:information_source: ${dept} ${c.periodLabel} numbers are ${c.businessDaysLate} business days late${left} (due ${c.dueLabel}). The liaisons have been reminded; a word from you may help.`;
  }
}

type ActionsBlock = Extract<KnownBlock, { type: 'actions' }>;

export function buildCollectionReminder(c: ReminderContent): SlackMessage {
  const text = sentence({ ...c, dueLabel: formatDay(c.dueDate) });
  const button: ActionsBlock['elements'][number] =
    c.step === 'escalation'
      ? { type: 'button', action_id: OPEN_STATUS_ACTION_ID, text: plain('See who is late'), value: c.period }
      : {
          type: 'button',
          action_id: OPEN_SUBMISSION_ACTION_ID,
          text: plain('Enter numbers'),
          value: encodeOpenSubmission(c.departmentId, c.period),
          style: 'primary',
        };
  return {
    text: text.replace(/\*/g, ''),
    blocks: [
      { type: 'section', text: md(text) },
      { type: 'actions', elements: [button] },
    ],
  };
}
