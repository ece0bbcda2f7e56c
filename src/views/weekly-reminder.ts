// The weekly collection DM: one per person per week, listing every weekly metric due from each
// department they report for, with one "Enter numbers" button per department (README, "Weekly metrics").
import type { KnownBlock } from '@slack/types';
import { formatDay, formatPeriodLabel } from '../domain/calendar/index.js';
import { encodeOpenSubmission, OPEN_SUBMISSION_ACTION_ID } from './collection-reminder.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';

export interface WeeklyReminderModel {
  week: string;
  dueDate: string;
  /** opening: the week has closed; due: the due day, still missing. */
  step: 'opening' | 'due';
  /** `onBehalfOf`: the name of the away colleague this department is listed for (their delegate's DM). */
  departments: { id: number; name: string; metrics: string[]; onBehalfOf?: string }[];
}

export function buildWeeklyReminder(m: WeeklyReminderModel): SlackMessage {
  const label = formatPeriodLabel(m.week);
  const count = m.departments.reduce((n, d) => n + d.metrics.length, 0);
  const lead =
    m.step === 'opening'
      ? `:spiral_calendar_pad: Weekly numbers for ${label} are open: ${count} metric${count === 1 ? '' : 's'}, due ${formatDay(m.dueDate)}.`
      : `:hourglass_flowing_sand: Weekly numbers for ${label} are due today (${formatDay(m.dueDate)}): ${count} still to enter.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: md(lead) }];
  for (const d of m.departments.slice(0, LIMITS.messageBlocks - 1))
    blocks.push({
      type: 'section',
      text: md(
        fitText(
          `*${escapeMrkdwn(d.name)}*${d.onBehalfOf ? ` — for ${escapeMrkdwn(d.onBehalfOf)}, who is away` : ''}\n${d.metrics.map((x) => `• ${escapeMrkdwn(x)}`).join('\n')}`,
          LIMITS.sectionText,
        ),
      ),
      accessory: {
        type: 'button',
        action_id: OPEN_SUBMISSION_ACTION_ID,
        text: plain('Enter numbers'),
        value: encodeOpenSubmission(d.id, m.week),
        style: 'primary',
      },
    });
  return { text: lead, blocks };
}
