// Run-once: the daily backup if it is due, and the admins' DM when it failed (told once).
import type { WebClient } from '@slack/web-api';
import type { Database } from '../../infra/db/client.js';
import type { Logger } from '../../infra/logger.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import {
  type DailyBackupOutcome,
  type DailyBackupSettings,
  runDailyBackup,
} from '../../services/backup/daily-backup.js';
import { buildBackupFailedMessage } from '../../views/backup-failed-message.js';

export interface BackupJobDeps {
  db: Database;
  client: WebClient;
  logger: Logger;
  settings: DailyBackupSettings;
}

export async function runBackupJob(now: Date, deps: BackupJobDeps): Promise<DailyBackupOutcome> {
  const outcome = await runDailyBackup(deps, deps.settings, now);
  if (outcome.kind === 'failed') {
    const message = buildBackupFailedMessage(outcome);
    for (const admin of outcome.tell) await sendDm(deps.client, admin, message, deps.logger);
  }
  return outcome;
}
