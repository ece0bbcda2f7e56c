// The coming roundtables, with the numbers chairs use to move or cancel them.
import type { MeetingRow } from '../services/meetings/manage-meetings.js';
import { formatMeetingTime } from './agenda-message.js';
import { md } from './mrkdwn.js';

export function buildMeetingList(rows: MeetingRow[], timezone: string) {
  const lines = rows.map(
    (m) =>
      `• *#${m.id}* ${m.name} — ${formatMeetingTime(m.startsAt, timezone)} (${m.departmentKeys.join(', ')})${m.packetPosted ? ' · packet posted' : ''}`,
  );
  const text = rows.length
    ? `*Coming meetings*\n${lines.join('\n')}`
    : 'No meetings are scheduled. Add a series under `meetings:` in the program file.';
  return {
    text: rows.length ? `${rows.length} coming meetings` : 'No meetings scheduled',
    blocks: [{ type: 'section', text: md(text.slice(0, 3000)) }],
  };
}
