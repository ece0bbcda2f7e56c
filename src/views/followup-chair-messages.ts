// What the chair hears about follow-ups: a request for more time (approve/decline in one click)
// and a blocker, told at once.

import { formatDay } from '../domain/calendar/index.js';
import { type FollowUpCard, followUpSummary } from './followup-message.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';

export const MORE_TIME_ACTIONS = {
  approve: 'stat_followup_approve_time',
  decline: 'stat_followup_decline_time',
} as const;

export function encodeMoreTimeDecision(followUpId: number, updateId: number): string {
  return `${followUpId}:${updateId}`;
}

export function decodeMoreTimeDecision(value: string | undefined): { followUpId: number; updateId: number } | null {
  const m = /^(\d+):(\d+)$/.exec(value ?? '');
  return m ? { followUpId: Number(m[1]), updateId: Number(m[2]) } : null;
}

export function buildMoreTimeRequest(
  card: FollowUpCard,
  ownerUserId: string,
  proposed: string,
  reason: string,
  updateId: number,
): SlackMessage {
  const why = reason ? `\n> ${escapeMrkdwn(fitText(reason, 1000)).replace(/\n/g, '\n> ')}` : '';
  const text = `:clock3: <@${ownerUserId}> asks for more time: from ${formatDay(card.dueDate)} to *${formatDay(proposed)}*.${why}\n${followUpSummary(card)}`;
  const value = encodeMoreTimeDecision(card.id, updateId);
  return {
    text: `More time requested for a follow-up (to ${proposed})`,
    blocks: [
      { type: 'section', text: md(fitText(text, LIMITS.sectionText)) },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: MORE_TIME_ACTIONS.approve,
            text: plain(`Approve ${formatDay(proposed)}`),
            value,
            style: 'primary',
          },
          { type: 'button', action_id: MORE_TIME_ACTIONS.decline, text: plain('Decline'), value },
        ],
      },
    ],
  };
}

export function buildBlockedNotice(card: FollowUpCard, ownerUserId: string, reason: string): SlackMessage {
  const text = `:construction: <@${ownerUserId}> is blocked on a follow-up:\n> ${escapeMrkdwn(fitText(reason, 1000)).replace(/\n/g, '\n> ')}\n${followUpSummary(card)}`;
  return { text: 'A follow-up is blocked', blocks: [{ type: 'section', text: md(fitText(text, LIMITS.sectionText)) }] };
}

export function buildDecisionResult(message: string): SlackMessage {
  return { text: message, blocks: [{ type: 'section', text: md(fitText(message, LIMITS.sectionText)) }] };
}
