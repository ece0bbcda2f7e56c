// `/stat <subcommand> …`: one slash command, routed by its first word. Each route acks within
// Slack's 3 seconds itself (a modal needs its trigger_id used at once).

import type { Deps } from '../../app/deps.js';
import { buildHelpMessage } from '../../views/help-message.js';
import type { Routes } from '../routes.js';
import { handleAgendaCommand } from './agenda.js';
import { handleBriefCommand } from './brief.js';
import { handleExportCommand } from './export.js';
import { handleFollowUpCommand } from './followup.js';
import { handleFollowUpsCommand } from './followups.js';
import { handleGoalsCommand } from './goals.js';
import { handleHealthCommand } from './health.js';
import { handleMeetingCommand } from './meeting.js';
import { handlePublishCommand } from './publish.js';
import { handleStatusCommand } from './status.js';
import type { SubcommandHandler } from './subcommand.js';
import { handleSubmitCommand } from './submit.js';
import { handleUnlockCommand } from './unlock.js';

export const SUBCOMMANDS: Record<string, SubcommandHandler> = {
  submit: handleSubmitCommand,
  status: handleStatusCommand,
  followup: handleFollowUpCommand,
  agenda: handleAgendaCommand,
  followups: handleFollowUpsCommand,
  export: handleExportCommand,
  unlock: handleUnlockCommand,
  meeting: handleMeetingCommand,
  publish: handlePublishCommand,
  goals: handleGoalsCommand,
  health: handleHealthCommand,
  brief: handleBriefCommand,
};

export function splitCommand(text: string): { name: string; rest: string } {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  const name = (space === -1 ? trimmed : trimmed.slice(0, space)).toLowerCase();
  return { name, rest: space === -1 ? '' : trimmed.slice(space + 1).trim() };
}

export function registerStatCommand(routes: Routes, deps: Deps): void {
  routes.command('/stat', async (args) => {
    const { name, rest } = splitCommand(args.command.text ?? '');
    const handler = SUBCOMMANDS[name];
    if (!handler) {
      await args.ack({ response_type: 'ephemeral', ...buildHelpMessage(name) });
      return;
    }
    await handler(args, rest, deps);
  });
}
