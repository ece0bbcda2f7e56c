// Collection DMs along the reminder ladder: opening notice, reminder, due day, overdue, and the
// escalation to the department head and chair. Each carries the button that opens the form.
import { z } from 'zod';
import { formatDay, type LadderStepName, periodKeySchema } from '../domain/calendar/index.js';
import { escapeMrkdwn, md, plain, possessive } from './mrkdwn.js';
import type { KnownBlock, SlackMessage } from './slack-message.js';
import { WAITING_ON_DATA_ACTION_ID } from './waiting-on-data.js';

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
  /** ISO date (YYYY-MM-DD) the numbers are due. */
  dueDate: string;
  /** Where today stands against the due date, at send time. */
  dueWhen: 'future' | 'today' | 'past';
  /** Business days after the due date at send time. */
  businessDaysLate: number;
  missingMetrics: number;
  totalMetrics: number;
  /** Collection DMs the liaisons actually received for this period, and the last one's day ("Tue 10 Nov"). */
  liaisonMessages: number;
  lastLiaisonMessageLabel: string | null;
  /** The next packet that will show this period, if one is scheduled. */
  nextPacket: { meetingName: string; dayLabel: string } | null;
  /** Every due value was pulled from a source: the DM offers "Confirm numbers". */
  allPulled?: boolean;
  // --- who (issue 15) ---
  /** The same step for the person's other departments, in this one DM. */
  alsoFor?: ReminderContent[];
  /** The name of the away colleague this delegate answers for. */
  onBehalfOf?: string;
  /** Set when the recipient lives in another time zone: the due day is the program's ("New York"). */
  dueZone?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** When the numbers are due, said the way today stands against it. */
function dueText(c: ReminderContent & { dueLabel: string }): string {
  if (c.dueWhen === 'today') return 'are due *today*';
  if (c.dueWhen === 'past') return `were due *${c.dueLabel}*`;
  return `are due *${c.dueLabel}*`;
}

/** What the escalation can truthfully say the liaisons have had. */
function liaisonHistory(c: ReminderContent): string {
  if (c.liaisonMessages === 0) return 'I have not messaged the liaisons about them yet';
  const last = c.lastLiaisonMessageLabel ? `, most recently ${c.lastLiaisonMessageLabel}` : '';
  return `I have messaged the liaisons about them ${c.liaisonMessages === 1 ? 'once' : `${c.liaisonMessages} times`}${last}`;
}

function sentence(c: ReminderContent & { dueLabel: string }): string {
  const dept = possessive(escapeMrkdwn(c.departmentName));
  const left = c.missingMetrics < c.totalMetrics ? ` (${c.missingMetrics} of ${c.totalMetrics} still to enter)` : '';
  switch (c.step) {
    case 'opening':
      return `:wave: ${c.periodLabel} has closed. ${dept} numbers for ${c.periodLabel} ${dueText(c)}. It takes a few minutes — thank you!`;
    case 'reminder_before':
      return `:calendar: A friendly reminder: ${dept} ${c.periodLabel} numbers ${dueText(c)}${left}.`;
    case 'due_day':
      return `:calendar: ${dept} ${c.periodLabel} numbers ${dueText(c)}${left}. If something is holding them up, enter what you have and mark the rest not available with a reason.`;
    case 'overdue': {
      const ask = c.nextPacket
        ? `The packet for ${escapeMrkdwn(c.nextPacket.meetingName)} (${c.nextPacket.dayLabel}) needs them — could you enter them today?`
        : 'Could you enter them today?';
      return `:hourglass: ${dept} ${c.periodLabel} numbers were due ${c.dueLabel} (${plural(c.businessDaysLate, 'business day')} ago)${left}. ${ask}`;
    }
    case 'escalation':
      return `:information_source: ${dept} ${c.periodLabel} numbers are ${plural(c.businessDaysLate, 'business day')} late${left} (due ${c.dueLabel}). ${liaisonHistory(c)}; a word from you may help.`;
  }
}

type ActionsBlock = Extract<KnownBlock, { type: 'actions' }>;

const PULLED_NOTE =
  ' :inbox_tray: Every value was pulled from the city systems: confirm them in one click, or review and change them (a change needs a short note).';

export function buildCollectionReminder(c: ReminderContent): SlackMessage {
  const parts = [c, ...(c.alsoFor ?? [])].map((part) => {
    const { text, blocks } = departmentPart(part);
    if (!part.onBehalfOf) return { text, blocks };
    const cover = `You are getting this for *${escapeMrkdwn(part.onBehalfOf)}*, who is away.`;
    return {
      text: `For ${part.onBehalfOf}, who is away: ${text}`,
      blocks: [{ type: 'context' as const, elements: [md(cover)] }, ...blocks],
    };
  });
  return { text: parts.map((p) => p.text).join('\n'), blocks: parts.flatMap((p) => p.blocks) };
}

function departmentPart(c: ReminderContent): { text: string; blocks: KnownBlock[] } {
  const confirmable = c.allPulled === true && c.step !== 'escalation';
  const text =
    sentence({ ...c, dueLabel: formatDay(c.dueDate) + (c.dueZone ? `, ${c.dueZone} time` : '') }) +
    (confirmable ? PULLED_NOTE : '');
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
  const confirm: ActionsBlock['elements'][number] = {
    type: 'button',
    action_id: CONFIRM_PULLED_ACTION_ID,
    text: plain('Confirm numbers'),
    value: encodeOpenSubmission(c.departmentId, c.period),
    style: 'primary',
  };
  const review: ActionsBlock['elements'][number] = {
    type: 'button',
    action_id: OPEN_SUBMISSION_ACTION_ID,
    text: plain('Review numbers'),
    value: encodeOpenSubmission(c.departmentId, c.period),
  };
  return {
    text: text.replace(/\*/g, ''),
    blocks: [
      { type: 'section', text: md(text) },
      { type: 'actions', elements: [...(confirmable ? [confirm, review] : [button]), ...waitingButton(c)] },
    ],
  };
}

/** "Waiting on data" (issue 15): a liaison pauses the reminders until the source system has the numbers. */
function waitingButton(c: ReminderContent): ActionsBlock['elements'] {
  if (c.step === 'escalation' || c.dueWhen === 'past') return [];
  return [
    {
      type: 'button',
      action_id: WAITING_ON_DATA_ACTION_ID,
      text: plain('Waiting on data'),
      value: encodeOpenSubmission(c.departmentId, c.period),
    },
  ];
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
