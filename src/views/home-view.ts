// App Home: what is due from me, what I owe, and — for chairs — the program at a glance.
import { formatMeetingTime } from './agenda-message.js';
import { encodeOpenSubmission, OPEN_SUBMISSION_ACTION_ID } from './collection-reminder.js';
import { type FollowUpCard, followUpAnswerButtons, followUpSummary } from './followup-message.js';
import { formatDay } from './format.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import type { CollectionStatus } from './status-message.js';

export type OwnedCard = FollowUpCard & { ownerUserId: string };

export interface HomeData {
  programName: string;
  status: CollectionStatus;
  myDepartments: number[];
  myFollowUps: OwnedCard[];
  staff: {
    overdueFollowUps: OwnedCard[];
    nextMeetings: { name: string; startsAt: Date; departmentKeys: string[] }[];
  } | null;
  timezone: string;
}

export function buildHomeView(h: HomeData) {
  const blocks: object[] = [{ type: 'header', text: plain(fitText(h.programName, LIMITS.headerText)) }];
  const mine = h.status.rows.filter((r) => h.myDepartments.includes(r.departmentId));
  if (mine.length) {
    blocks.push({ type: 'section', text: md(`*My submissions — ${h.status.periodLabel}*`) });
    for (const r of mine) {
      const state =
        r.state === 'submitted'
          ? ':large_green_circle: submitted'
          : r.state === 'late'
            ? `:red_circle: late ${r.businessDaysLate} business days`
            : `due ${formatDay(r.dueDate)} (${r.filled} of ${r.total} entered)`;
      blocks.push({
        type: 'section',
        text: md(`*${escapeMrkdwn(r.name)}* — ${state}`),
        accessory: {
          type: 'button',
          action_id: OPEN_SUBMISSION_ACTION_ID,
          text: plain(r.state === 'submitted' ? 'Review or revise' : 'Enter numbers'),
          value: encodeOpenSubmission(r.departmentId, h.status.period),
        },
      });
    }
  }
  blocks.push({ type: 'divider' }, { type: 'section', text: md(`*My open follow-ups* (${h.myFollowUps.length})`) });
  if (!h.myFollowUps.length) blocks.push({ type: 'context', elements: [md('Nothing open — thank you!')] });
  for (const f of h.myFollowUps)
    blocks.push(
      { type: 'section', text: md(fitText(followUpSummary(f), LIMITS.sectionText)) },
      followUpAnswerButtons(f.id),
    );
  if (h.staff) {
    const late = h.status.rows.filter((r) => r.state === 'late');
    blocks.push({ type: 'divider' }, { type: 'section', text: md(`*Program at a glance — ${h.status.periodLabel}*`) });
    blocks.push({
      type: 'section',
      text: md(
        late.length
          ? `Late: ${late.map((r) => `${escapeMrkdwn(r.name)} (${r.businessDaysLate} days)`).join(', ')}`
          : 'No department is late.',
      ),
    });
    const overdue = h.staff.overdueFollowUps.map(
      (f) => `• ${escapeMrkdwn(fitText(f.text, 120))} — <@${f.ownerUserId}>, due ${formatDay(f.dueDate)}`,
    );
    blocks.push({
      type: 'section',
      text: md(
        fitText(
          overdue.length ? `*Overdue follow-ups*\n${overdue.join('\n')}` : 'No overdue follow-ups.',
          LIMITS.sectionText,
        ),
      ),
    });
    const meetings = h.staff.nextMeetings.map(
      (m) =>
        `• ${escapeMrkdwn(m.name)} — ${formatMeetingTime(m.startsAt, h.timezone)} (${m.departmentKeys.join(', ')})`,
    );
    if (meetings.length) blocks.push({ type: 'section', text: md(`*Next meetings*\n${meetings.join('\n')}`) });
  }
  // Home tabs allow 100 blocks; the follow-up list above is capped at 20 cards (41 blocks).
  return { type: 'home' as const, blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
