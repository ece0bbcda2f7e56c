// App Home: what is due from me, what I owe, and — for chairs — the program at a glance.

import { formatDay } from '../domain/calendar/index.js';
import type { Absence } from '../domain/people/away.js';
import { formatMeetingTime } from './agenda-message.js';
import { buildAwayBlocks } from './away-view.js';
import { encodeOpenSubmission, OPEN_SUBMISSION_ACTION_ID } from './collection-reminder.js';
import { type FollowUpCard, followUpAnswerButtons, followUpSummary } from './followup-message.js';
import { citywideHomeBlocks, type HomeCitywide } from './home-citywide.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import type { HomeView, KnownBlock } from './slack-message.js';
import type { CollectionStatus } from './status-message.js';

export type OwnedCard = FollowUpCard & { ownerUserId: string };

export interface HomeData {
  programName: string;
  status: CollectionStatus;
  myDepartments: number[];
  myFollowUps: OwnedCard[];
  /** All of the person's open follow-ups (myFollowUps holds the first few). */
  myFollowUpTotal: number;
  staff: {
    overdueFollowUps: OwnedCard[];
    nextMeetings: { name: string; startsAt: Date; departmentKeys: string[] }[];
  } | null;
  /** Goals and the program's health, for chairs and admins (issue 17); absent for everyone else. */
  citywide?: HomeCitywide | null;
  timezone: string;
  /** The person's absence ("I'm away"), when they are in the program. Undefined: not shown. */
  away?: Absence | null;
}

export function buildHomeView(h: HomeData): HomeView {
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(fitText(h.programName, LIMITS.headerText)) }];
  if (h.away !== undefined) blocks.push(...buildAwayBlocks(h.away));
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
  blocks.push({ type: 'divider' }, { type: 'section', text: md(`*My open follow-ups* (${h.myFollowUpTotal})`) });
  if (!h.myFollowUps.length) blocks.push({ type: 'context', elements: [md('Nothing open — thank you!')] });
  const cards = h.myFollowUps.map((f): KnownBlock[] => [
    { type: 'section', text: md(fitText(followUpSummary(f), LIMITS.sectionText)) },
    followUpAnswerButtons(f.id),
  ]);
  const staff = [...(h.staff ? staffBlocks(h, h.staff) : []), ...(h.citywide ? citywideHomeBlocks(h.citywide) : [])];
  // Home tabs allow 100 blocks: cards that do not fit are counted and pointed to, never dropped unsaid.
  const room = LIMITS.viewBlocks - blocks.length - staff.length - 1;
  const shown = cards.slice(0, Math.max(0, Math.floor(room / 2)));
  blocks.push(...shown.flat());
  if (shown.length < h.myFollowUpTotal)
    blocks.push({
      type: 'context',
      elements: [md(`…and ${h.myFollowUpTotal - shown.length} more: \`/stat followups\` lists them all.`)],
    });
  blocks.push(...staff);
  return { type: 'home' as const, blocks };
}

function staffBlocks(h: HomeData, staff: NonNullable<HomeData['staff']>): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const late = h.status.rows.filter((r) => r.state === 'late');
  blocks.push({ type: 'divider' }, { type: 'section', text: md(`*Program at a glance — ${h.status.periodLabel}*`) });
  blocks.push({
    type: 'section',
    text: md(
      late.length
        ? fitText(
            `Late: ${late.map((r) => `${escapeMrkdwn(r.name)} (${r.businessDaysLate} days)`).join(', ')}`,
            LIMITS.sectionText,
          )
        : 'No department is late.',
    ),
  });
  const overdue = staff.overdueFollowUps.map(
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
  const meetings = staff.nextMeetings.map(
    (m) => `• ${escapeMrkdwn(m.name)} — ${formatMeetingTime(m.startsAt, h.timezone)} (${m.departmentKeys.join(', ')})`,
  );
  if (meetings.length) blocks.push({ type: 'section', text: md(`*Next meetings*\n${meetings.join('\n')}`) });
  return blocks;
}
