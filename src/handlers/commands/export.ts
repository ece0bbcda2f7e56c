// `/stat export` (chairs, admins): the two CSV files, uploaded into a DM with the requester.

import { exportFollowUpsCsv, exportValuesCsv } from '../../services/export/export-csv.js';
import { refusalFor } from '../shared/authorize.js';
import { userFacingMessage } from '../shared/user-facing-error.js';
import type { SubcommandHandler } from './stat-command.js';

export const handleExportCommand: SubcommandHandler = async ({ ack, command, respond, client }, _rest, deps) => {
  await ack();
  try {
    const refusal = await refusalFor(deps.prisma, command.user_id, 'export');
    if (refusal) return void (await respond({ response_type: 'ephemeral', text: refusal }));
    const dm = await client.conversations.open({ users: command.user_id });
    const stamp = deps.clock.now().toISOString().slice(0, 10);
    await client.files.uploadV2({
      channel_id: dm.channel!.id!,
      initial_comment:
        'Here is the export: every metric value with its target and status, and every follow-up with its history.',
      file_uploads: [
        {
          file: Buffer.from(await exportValuesCsv(deps.prisma)),
          filename: `stat-values-${stamp}.csv`,
          title: 'Metric values',
        },
        {
          file: Buffer.from(await exportFollowUpsCsv(deps.prisma)),
          filename: `stat-followups-${stamp}.csv`,
          title: 'Follow-ups',
        },
      ],
    });
    await respond({ response_type: 'ephemeral', text: 'The export is in your DM with stat-bot.' });
  } catch (err) {
    deps.logger.error('/stat export failed', { err });
    await respond({ response_type: 'ephemeral', text: userFacingMessage(err) });
  }
};
