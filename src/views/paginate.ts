// Splits a long list of blocks into messages that each respect Slack's limits (50 blocks,
// ~12k characters). Nothing is cut: the caller posts page 2+ as thread replies or follow-ups.
import { LIMITS } from './limits.js';
import { md } from './mrkdwn.js';
import type { KnownBlock, SlackMessage } from './slack-message.js';

/** One message of a paged post. */
export type MessagePage = SlackMessage;

export function paginateBlocks(
  text: string,
  head: KnownBlock[],
  body: KnownBlock[],
  foot: KnownBlock[] = [],
): SlackMessage[] {
  const size = (b: KnownBlock) => JSON.stringify(b).length;
  const fixed = head.length + foot.length + 1; // +1 for the "continued" context line
  const budget = LIMITS.messageChars - [...head, ...foot].reduce((n, b) => n + size(b), 0) - 200;
  const pages: KnownBlock[][] = [];
  let current: KnownBlock[] = [];
  let chars = 0;
  for (const block of body) {
    if (current.length > 0 && (current.length + fixed >= LIMITS.messageBlocks || chars + size(block) > budget)) {
      pages.push(current);
      current = [];
      chars = 0;
    }
    current.push(block);
    chars += size(block);
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages.map((blocks, i) => {
    const note: KnownBlock[] =
      pages.length > 1 ? [{ type: 'context', elements: [md(`Part ${i + 1} of ${pages.length}`)] }] : [];
    return {
      text: i === 0 ? text : `${text} (part ${i + 1} of ${pages.length})`,
      blocks: [...(i === 0 ? head : []), ...blocks, ...note, ...(i === pages.length - 1 ? foot : [])],
    };
  });
}
