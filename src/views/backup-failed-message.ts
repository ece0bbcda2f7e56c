// The DM admins get when the scheduled backup fails (once per run of failures).
import { LIMITS } from './limits.js';
import type { SlackMessage } from './slack-message.js';

export interface BackupFailure {
  error: string;
  dir: string;
  /** File name of the newest good scheduled backup, if any. */
  lastGood: string | null;
}

/** Room left for the error in the section after the fixed sentences (generous). */
const ERROR_ROOM = LIMITS.sectionText - 1000;

export function buildBackupFailedMessage(f: BackupFailure): SlackMessage {
  // A driver's error can be long; the whole of it is in the bot's log, and the message says so.
  const error =
    f.error.length <= ERROR_ROOM ? f.error : `${f.error.slice(0, ERROR_ROOM)}… (shortened; the log has all of it)`;
  const text = `:warning: stat-bot could not write the daily backup into ${f.dir}`;
  const since = f.lastGood ? `The newest good one is \`${f.lastGood}\`.` : 'There is no scheduled backup yet.';
  const body = [
    `:warning: *stat-bot could not write the daily backup* into \`${f.dir}\`: ${error}`,
    `${since} Check the folder's free space and permissions, or run \`npm run stat -- backup\` by hand to see the error. I'll try again every night and won't repeat this message until a backup has succeeded.`,
  ].join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: body } }] };
}
