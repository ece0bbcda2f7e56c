// The coming roundtables, with the numbers chairs use to move or cancel them. A long list is
// paged (sections of up to 3,000 characters, messages of up to 50 blocks), never cut.
import type { KnownBlock } from '@slack/types';
import { formatMeetingTime } from './agenda-message.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';

export interface MeetingRow {
  id: number;
  name: string;
  startsAt: Date;
  departmentKeys: string[];
  packetPosted: boolean;
}

/** Packs lines into section texts of at most `max` characters each. */
function packLines(lines: readonly string[], max: number): string[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines.map((l) => fitText(l, max))) {
    if (current && current.length + 1 + line.length > max) {
      texts.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) texts.push(current);
  return texts;
}

export function buildMeetingList(rows: readonly MeetingRow[], timezone: string): SlackMessage[] {
  if (rows.length === 0)
    return [
      {
        text: 'No meetings scheduled',
        blocks: [
          {
            type: 'section',
            text: md('No meetings are scheduled. Add a series under `meetings:` in the program file.'),
          },
        ],
      },
    ];
  const lines = rows.map(
    (m) =>
      `• *#${m.id}* ${escapeMrkdwn(m.name)} — ${formatMeetingTime(m.startsAt, timezone)} (${m.departmentKeys.join(', ')})${m.packetPosted ? ' · packet posted' : ''}`,
  );
  const sections: KnownBlock[] = packLines(['*Coming meetings*', ...lines], LIMITS.sectionText).map((text) => ({
    type: 'section',
    text: md(text),
  }));
  const perMessage = LIMITS.messageBlocks - 1;
  const pages: SlackMessage[] = [];
  for (let i = 0; i < sections.length; i += perMessage)
    pages.push({ text: '', blocks: sections.slice(i, i + perMessage) });
  return pages.map((p, i) => ({
    ...p,
    text: `${rows.length} coming meetings${pages.length > 1 ? ` (part ${i + 1} of ${pages.length})` : ''}`,
  }));
}
