// `/stat followups [mine|overdue|all|<department>]`, and for chairs
// `/stat followups cancel <id> <reason>`, `… reassign <id> @owner [reason]`, `… due <id> <date> [reason]`.

import { localDateOf } from '../../domain/calendar/index.js';
import { readCertainDate } from '../../domain/followups/parse-followup-command.js';
import { parseRowId } from '../../domain/row-id.js';
import { toSlackBlocks } from '../../infra/slack/blocks.js';
import { listFollowUps, parseFollowUpFilter } from '../../services/followups/list-followups.js';
import { manageFollowUp } from '../../services/followups/manage-followup.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildFollowUpList } from '../../views/followup-list-message.js';
import { refusalFor } from '../shared/authorize.js';
import { checkOwner } from '../shared/record-followup.js';
import { userFacingMessage } from '../shared/user-facing-error.js';
import type { SubcommandHandler } from './stat-command.js';

const MANAGE = /^(cancel|reassign|due)\s+#?(\d+)\s*(.*)$/is;

export const handleFollowUpsCommand: SubcommandHandler = async ({ ack, command, respond, client }, rest, deps) => {
  await ack();
  const reply = (text: string) => respond({ response_type: 'ephemeral', text });
  try {
    const manage = MANAGE.exec(rest.trim());
    if (manage) {
      const refusal = await refusalFor(deps.prisma, command.user_id, 'manage_followup');
      if (refusal) return void (await reply(refusal));
      const verb = manage[1]!;
      const idText = manage[2]!;
      const tail = manage[3] ?? '';
      const now = deps.clock.now();
      let change: Parameters<typeof manageFollowUp>[3];
      if (verb.toLowerCase() === 'cancel') change = { kind: 'cancel' as const, reason: tail };
      else if (verb.toLowerCase() === 'reassign') {
        const owner = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/.exec(tail);
        if (!owner) return void (await reply('Say who takes it over: `/stat followups reassign 12 @owner reason`'));
        const problem = await checkOwner(client, owner[1]!);
        if (problem) return void (await reply(problem));
        change = { kind: 'reassign' as const, ownerUserId: owner[1]!, reason: tail.replace(owner[0], '').trim() };
      } else {
        const today = localDateOf(now, (await loadProgramSettings(deps.prisma)).calendar.timezone);
        const [first, ...why] = tail.split(/\s+/);
        const date = readCertainDate(first ?? '', today);
        if (!date || date < today)
          return void (await reply(
            'Give the new date as YYYY-MM-DD, today or later: `/stat followups due 12 2026-12-18 reason`',
          ));
        change = { kind: 'change_due' as const, dueDate: date, reason: why.join(' ') };
      }
      const followUpId = parseRowId(idText);
      if (followUpId === null) return void (await reply(`There is no follow-up #${idText.slice(0, 20)}.`));
      const outcome = await manageFollowUp(deps.prisma, followUpId, command.user_id, change, now);
      const text =
        outcome.kind === 'done'
          ? `Follow-up #${idText}: ${outcome.message}`
          : outcome.kind === 'not_found'
            ? `There is no follow-up #${idText}.`
            : outcome.kind === 'not_allowed'
              ? 'Only chairs and admins can do that.'
              : outcome.message;
      return void (await reply(text));
    }
    const filter = parseFollowUpFilter(rest);
    if (filter.kind !== 'mine') {
      const refusal = await refusalFor(deps.prisma, command.user_id, 'view_agenda');
      if (refusal) return void (await reply(refusal));
    }
    const items = await listFollowUps(deps.prisma, filter, command.user_id, deps.clock.now());
    const title =
      filter.kind === 'mine'
        ? 'Your open follow-ups'
        : filter.kind === 'overdue'
          ? 'Overdue follow-ups'
          : filter.kind === 'all'
            ? 'All open follow-ups'
            : `Open follow-ups — ${filter.key}`;
    for (const page of buildFollowUpList(title, items))
      await respond({ response_type: 'ephemeral', text: page.text, blocks: toSlackBlocks(page.blocks) });
  } catch (err) {
    deps.logger.error('/stat followups failed', { err });
    await reply(userFacingMessage(err));
  }
};
