// `/stat export` (chairs, admins): the CSV files (values, follow-ups, the program's health), uploaded into a DM with the requester.

import { exportFollowUpsCsv, exportValuesCsv } from '../../services/export/export-csv.js';
import { exportHealthCsv } from '../../services/export/export-health-csv.js';
import { MESSAGES } from '../../views/messages.js';
import { refuseUnlessAllowed } from '../shared/authorize.js';
import { answerFailures, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleExportCommand: SubcommandHandler = async ({ ack, command, respond, client }, _rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerFailures(deps, '/stat export', reply, async () => {
    if (await refuseUnlessAllowed(deps, command.user_id, 'export', reply)) return;
    const dm = await client.conversations.open({ users: command.user_id });
    const stamp = deps.clock.now().toISOString().slice(0, 10);
    const csv = async (make: typeof exportValuesCsv) => Buffer.from(await make(deps.prisma));
    await client.files.uploadV2({
      channel_id: dm.channel!.id!,
      initial_comment: MESSAGES.exportComment,
      file_uploads: [
        { file: await csv(exportValuesCsv), filename: `stat-values-${stamp}.csv`, title: MESSAGES.exportFiles.values },
        {
          file: await csv(exportFollowUpsCsv),
          filename: `stat-followups-${stamp}.csv`,
          title: MESSAGES.exportFiles.followUps,
        },
        {
          file: Buffer.from(await exportHealthCsv(deps.prisma, deps.clock.now())),
          filename: `stat-health-${stamp}.csv`,
          title: MESSAGES.exportFiles.health,
        },
      ],
    });
    await reply(MESSAGES.exportReady);
  });
};
