// Every Slack listener, registered explicitly by type. One line per listener: grep finds them all.
import type { App } from '@slack/bolt';
import type { Deps } from '../app/deps.js';
import { registerAgendaButtons } from './actions/agenda-buttons.js';
import { registerAwayButtons } from './actions/away-buttons.js';
import { registerConfirmPulled } from './actions/confirm-pulled.js';
import { registerFollowUpAnswerButtons } from './actions/followup-answer-buttons.js';
import { registerMoreTimeDecision } from './actions/followup-more-time-decision.js';
import { registerOpenStatus } from './actions/open-status.js';
import { registerOpenSubmission } from './actions/open-submission.js';
import { registerSignOffButtons } from './actions/sign-off-buttons.js';
import { registerWaitingOnData } from './actions/waiting-on-data.js';
import { registerStatCommand } from './commands/stat-command.js';
import { registerAppHome } from './events/app-home.js';
import { registerTrackFollowUpShortcut } from './shortcuts/track-followup.js';
import { registerAwayView } from './views/away.js';
import { registerFollowUpAnswerView } from './views/followup-answer.js';
import { registerFollowUpCreateView } from './views/followup-create.js';
import { registerSignOffReturnView } from './views/sign-off-return.js';
import { registerSubmissionView } from './views/submission.js';

export function registerHandlers(app: App, deps: Deps): void {
  // commands
  registerStatCommand(app, deps);
  // actions (buttons)
  registerOpenSubmission(app, deps);
  registerConfirmPulled(app, deps);
  registerOpenStatus(app, deps);
  registerFollowUpAnswerButtons(app, deps);
  registerMoreTimeDecision(app, deps);
  registerAgendaButtons(app, deps);
  registerAwayButtons(app, deps);
  registerSignOffButtons(app, deps);
  registerWaitingOnData(app, deps);
  // view submissions
  registerSubmissionView(app, deps);
  registerFollowUpCreateView(app, deps);
  registerFollowUpAnswerView(app, deps);
  registerAwayView(app, deps);
  registerSignOffReturnView(app, deps);
  // events
  registerAppHome(app, deps);
  // shortcuts
  registerTrackFollowUpShortcut(app, deps);
}
