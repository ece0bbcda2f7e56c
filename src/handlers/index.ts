// Every Slack listener, registered explicitly by type through the routes (routes.ts: one Bolt
// listener per kind of request). One line per listener: grep finds them all.
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
import { createRoutes } from './routes.js';
import { registerTrackFollowUpShortcut } from './shortcuts/track-followup.js';
import { registerAwayView } from './views/away.js';
import { registerFollowUpAnswerView } from './views/followup-answer.js';
import { registerFollowUpCreateView } from './views/followup-create.js';
import { registerSignOffReturnView } from './views/sign-off-return.js';
import { registerSubmissionView } from './views/submission.js';

export function registerHandlers(app: App, deps: Deps): void {
  const routes = createRoutes(app);
  // commands
  registerStatCommand(routes, deps);
  // actions (buttons)
  registerOpenSubmission(routes, deps);
  registerConfirmPulled(routes, deps);
  registerOpenStatus(routes, deps);
  registerFollowUpAnswerButtons(routes, deps);
  registerMoreTimeDecision(routes, deps);
  registerAgendaButtons(routes, deps);
  registerAwayButtons(routes, deps);
  registerSignOffButtons(routes, deps);
  registerWaitingOnData(routes, deps);
  // view submissions
  registerSubmissionView(routes, deps);
  registerFollowUpCreateView(routes, deps);
  registerFollowUpAnswerView(routes, deps);
  registerAwayView(routes, deps);
  registerSignOffReturnView(routes, deps);
  // events
  registerAppHome(routes, deps);
  // shortcuts
  registerTrackFollowUpShortcut(routes, deps);
}
