// A one-message modal for when a form cannot go on (locked period, refused, failure).
import { LIMITS } from './limits.js';
import { fitText, md, plain } from './mrkdwn.js';
import type { ModalView } from './slack-message.js';

export function buildNoticeModal(title: string, message: string): ModalView {
  return {
    type: 'modal',
    title: plain(fitText(title, LIMITS.viewTitle)),
    close: plain('Close'),
    blocks: [{ type: 'section', text: md(fitText(message, LIMITS.sectionText)) }],
  };
}
