// Collection DMs along the reminder ladder: opening notice, reminder, due day, overdue, and the
// escalation to the department head and chair. Each carries the button that opens the form.
import { z } from 'zod';
import { type LadderStepName, periodKeySchema } from '../domain/calendar/index.js';
import { escapeMrkdwn, md, plain, possessive } from './mrkdwn.js';

export const OPEN_SUBMISSION_ACTION_ID = 'stat_open_submission';
export const OPEN_STATUS_ACTION_ID = 'stat_open_status';
/** One click: keep every pulled value as it is (README, "Data sources"). */
export const CONFIRM_PULLED_ACTION_ID = 'stat_confirm_pulled';

const buttonValueSchema = z.object({ d: z.number().int(), p: periodKeySchema });

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

export type CollectionStep = LadderStepName;

export interface ReminderContent {
  step: CollectionStep;
  departmentId: number;
  departmentName: string;
  period: string;
  periodLabel: string;
  dueLabel: string;
  businessDaysLate: number;
  missingMetrics: number;
  totalMetrics: number;
  /** Every due value was pulled from a source: the DM offers "Confirm numbers". */
  allPulled?: boolean;
}

function sentence(c: ReminderContent): string {
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

const PULLED_NOTE =
  ' :inbox_tray: Every value was pulled from the city systems: confirm them in one click, or review and change them (a change needs a short note).';

export function buildCollectionReminder(c: ReminderContent) {
  const confirmable = c.allPulled === true && c.step !== 'escalation';
  const text = sentence(c) + (confirmable ? PULLED_NOTE : '');
  const button =
    c.step === 'escalation'
      ? { type: 'button', action_id: OPEN_STATUS_ACTION_ID, text: plain('See who is late'), value: c.period }
      : {
          type: 'button',
          action_id: OPEN_SUBMISSION_ACTION_ID,
          text: plain('Enter numbers'),
          value: encodeOpenSubmission(c.departmentId, c.period),
          style: 'primary',
        };
  const confirm = {
    type: 'button',
    action_id: CONFIRM_PULLED_ACTION_ID,
    text: plain('Confirm numbers'),
    value: encodeOpenSubmission(c.departmentId, c.period),
    style: 'primary',
  };
  const review = { ...button, text: plain('Review numbers'), style: undefined };
  return {
    text: text.replace(/\*/g, ''),
    blocks: [
      { type: 'section', text: md(text) },
      { type: 'actions', elements: confirmable ? [confirm, review] : [button] },
    ],
  };
}

/** Why "Confirm numbers" opened the form instead of saving. */
export function describeConfirmNeedsForm(why: 'not_all_pulled' | 'explanation_needed' | 'unusual_value'): string {
  switch (why) {
    case 'not_all_pulled':
      return 'Some values could not be pulled from their source, so here is the form: type those, and check the rest.';
    case 'explanation_needed':
      return 'Some pulled values are off target and need a short explanation: add it in the form, then save.';
    case 'unusual_value':
      return 'Some pulled values are far from their usual range: please check them in the form, then save.';
  }
}
