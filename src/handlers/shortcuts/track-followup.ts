// Message shortcut "Track as follow-up": any message becomes a follow-up, pre-filled with its
// text and a link back to it. A shortcut has no response_url: refusals and failures are shown
// in a small modal instead.

import type { Deps } from '../../app/deps.js';
import { isAllowed } from '../../services/authorize.js';
import { departmentOfPerson, loadFollowUpChoices } from '../../services/followups/followup-form.js';
import { buildFollowUpModal } from '../../views/followup-modal.js';
import { MESSAGES } from '../../views/messages.js';
import { buildNoticeModal } from '../../views/notice-modal.js';
import type { ModalView } from '../../views/slack-message.js';
import type { Routes } from '../routes.js';
import { answerAfterAck } from '../shared/listener-kit.js';

export const TRACK_FOLLOWUP_CALLBACK_ID = 'stat_track_followup';

export function registerTrackFollowUpShortcut(routes: Routes, deps: Deps): void {
  routes.messageShortcut(TRACK_FOLLOWUP_CALLBACK_ID, async ({ ack, shortcut, client }) => {
    await ack();
    const open = (view: ModalView) => client.views.open({ trigger_id: shortcut.trigger_id, view });
    const fail = (text: string) => open(buildNoticeModal(MESSAGES.titles.failed, text));
    await answerAfterAck(
      deps,
      'track-as-follow-up',
      fail,
      async () => {
        if (!(await isAllowed(deps.prisma, shortcut.user.id, 'record_decision')))
          return void (await open(
            buildNoticeModal(MESSAGES.titles.notAllowed, MESSAGES.notAllowedTo('record_decision')),
          ));
        const author = shortcut.message.user ?? null;
        const base = {
          ...(await loadFollowUpChoices(deps.prisma)),
          text: shortcut.message.text ?? '',
          departmentId: author ? await departmentOfPerson(deps.prisma, author) : null,
        };
        // Open first (the trigger expires in 3 s), then add the permalink with views.update.
        const opened = await open(buildFollowUpModal(base));
        const link = await client.chat
          .getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message.ts })
          .catch((err) => deps.logger.warn('no permalink for a tracked message', { err }));
        if (!link?.permalink || !opened.view?.id) return;
        await client.views
          .update({
            view_id: opened.view.id,
            hash: opened.view.hash,
            view: buildFollowUpModal({ ...base, sourceLink: link.permalink }),
          })
          .catch((err) => deps.logger.warn('could not add the permalink to the follow-up form', { err }));
      },
      { urgent: true },
    );
  });
}
