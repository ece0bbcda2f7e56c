// The shape of one `/stat <subcommand>` route, in its own file so stat-command.ts and the routes
// do not import each other.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type SubcommandHandler = (args: CommandArgs, rest: string, deps: Deps) => Promise<void>;
