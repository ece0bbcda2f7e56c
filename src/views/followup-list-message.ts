// A list of follow-ups, paged like every long message.
import type { FollowUpFilter } from '../domain/followups/parse-followups-command.js';
import { type AgendaFollowUp, followUpLine } from './agenda-message.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md } from './mrkdwn.js';
import { type MessagePage, paginateBlocks } from './paginate.js';
import type { KnownBlock } from './slack-message.js';

export function buildFollowUpList(title: string, items: AgendaFollowUp[]): MessagePage[] {
  const head: KnownBlock[] = [{ type: 'section', text: md(`*${escapeMrkdwn(title)}* (${items.length})`) }];
  const body: KnownBlock[] = items.length
    ? items.map((f) => ({ type: 'section', text: md(fitText(`#${f.id} ${followUpLine(f)}`, LIMITS.sectionText)) }))
    : [{ type: 'section', text: md('None.') }];
  return paginateBlocks(`${title}: ${items.length}`, head, body);
}

export function followUpListTitle(filter: FollowUpFilter): string {
  if (filter.kind === 'mine') return 'Your open follow-ups';
  if (filter.kind === 'overdue') return 'Overdue follow-ups';
  if (filter.kind === 'all') return 'All open follow-ups';
  return `Open follow-ups — ${filter.key}`;
}
