// Builds the Bolt app for either transport: Socket Mode when an app token is given (no public URL
// needed, the usual choice inside a city network), otherwise HTTP at /slack/events.
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Config } from '../config.js';
import { registerHandlers } from '../handlers/index.js';
import { registerMiddleware } from '../handlers/middleware/index.js';
import { boltLogger } from '../infra/slack/bolt-logger.js';
import { MESSAGES } from '../views/messages.js';
import type { Deps } from './deps.js';
import { slackClientOptions } from './slack-client.js';

export type BoltApp = App;

export interface AppOptions {
  /** Make HTTP replies wait for the listener (tests, so a request's effects are done when it returns). */
  processBeforeResponse?: boolean;
  /** Socket Mode: how long to wait for a pong before reconnecting (Slack's client default is 5 s). */
  socketPingTimeoutMs?: number;
}

export function createApp(slack: Config['slack'], deps: Deps, opts: AppOptions = {}): BoltApp {
  // The same client options as `stat run-due`: a hung Slack call must not outlive a notice's lease.
  const clientOptions = slackClientOptions(slack, deps.logger);
  const logger = boltLogger(deps.logger);
  const receiver =
    slack.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: slack.appToken!,
          logger,
          installerOptions: { clientOptions },
          ...(opts.socketPingTimeoutMs ? { clientPingTimeout: opts.socketPingTimeoutMs } : {}),
        })
      : new HTTPReceiver({
          signingSecret: slack.signingSecret!,
          logger,
          processBeforeResponse: opts.processBeforeResponse ?? false,
          endpoints: '/slack/events',
        });
  // No conversation store: nothing here reads context.conversation, and Bolt's default one (an
  // in-memory map) runs for every request before any listener, ~40% of a bare app's work per ack.
  const app = new App({ token: slack.botToken, receiver, logger, clientOptions, convoStore: false });
  registerMiddleware(app, deps);
  registerHandlers(app, deps);
  app.error(async (error) => {
    // Listeners report to their user themselves; this is the net for anything they did not expect.
    deps.logger.error('unhandled Slack listener error', { err: error, hint: MESSAGES.somethingWentWrong });
  });
  return app;
}
