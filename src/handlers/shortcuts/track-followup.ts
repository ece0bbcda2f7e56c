// Message shortcut "Track as follow-up": any message becomes a follow-up, pre-filled with its
// text and a link back to it.
import type { App } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { toSlackView } from '../../infra/slack/blocks.js';
import { isAllowed } from '../../services/authorize.js';
import { departmentOfPerson, loadFollowUpChoices } from '../../services/followups/followup-form.js';
import { buildFollowUpModal } from '../../views/followup-modal.js';
import { MESSAGES } from '../../views/messages.js';
import { buildNoticeModal } from '../../views/notice-modal.js';
import { userFacingMessage } from '../shared/user-facing-error.js';

export const TRACK_FOLLOWUP_CALLBACK_ID = 'stat_track_followup';

export function registerTrackFollowUpShortcut(app: App, deps: Deps): void {
  app.shortcut(
    { type: 'message_action', callback_id: TRACK_FOLLOWUP_CALLBACK_ID },
    async ({ ack, shortcut, client }) => {
      await ack();
      const open = (view: object) => client.views.open({ trigger_id: shortcut.trigger_id, view: toSlackView(view) });
      try {
        if (!(await isAllowed(deps.prisma, shortcut.user.id, 'record_decision')))
          return void (await open(buildNoticeModal('Not allowed', MESSAGES.notAllowedTo('record_decision'))));
        const choices = await loadFollowUpChoices(deps.prisma);
        // Open first (the trigger expires in 3 s), then add the permalink with views.update.
        const author = shortcut.message.user ?? null;
        const base = {
          ...choices,
          text: shortcut.message.text ?? '',
          departmentId: author ? await departmentOfPerson(deps.prisma, author) : null,
        };
        const opened = await open(buildFollowUpModal(base));
        const link = await client.chat
          .getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message.ts })
          .catch(() => null);
        if (link?.permalink && opened.view?.id) {
          await client.views
            .update({
              view_id: opened.view.id,
              hash: opened.view.hash,
              view: toSlackView(buildFollowUpModal({ ...base, sourceLink: link.permalink })),
            })
            .catch(() => undefined);
        }
      } catch (err) {
        deps.logger.error('track-as-follow-up failed', { err });
        await open(buildNoticeModal('Something went wrong', userFacingMessage(err))).catch(() => undefined);
      }
    },
  );
}
