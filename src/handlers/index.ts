// Every Slack listener, registered explicitly by type. One line per listener: grep finds them all.
import type { App } from '@slack/bolt';
import type { Deps } from '../bot/deps.js';
import { registerStatCommand } from './commands/stat-command.js';
import { registerOpenSubmission } from './actions/open-submission.js';
import { registerOpenStatus } from './actions/open-status.js';
import { registerSubmissionView } from './views/submission.js';

export function registerHandlers(app: App, deps: Deps): void {
  registerStatCommand(app, deps);
  registerOpenSubmission(app, deps);
  registerOpenStatus(app, deps);
  registerSubmissionView(app, deps);
}
