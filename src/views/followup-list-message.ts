// A list of follow-ups, paged like every long message.
import type { AgendaFollowUp } from '../services/roundtable/followups-for-agenda.js';
import { followUpLine } from './agenda-message.js';
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
