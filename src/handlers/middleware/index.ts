// Global middleware, in the order it runs: request id + safety-net ack, then drop Slack's retries
// of events already handled. Runs before every listener (Bolt runs app.use() middleware first).
import type { App } from '@slack/bolt';
import type { Deps } from '../../bot/deps.js';
import { requestContext } from './request-context.js';
import { ignoreSlackRetries } from './ignore-slack-retries.js';

export function registerMiddleware(app: App, deps: Deps): void {
  app.use(requestContext());
  app.use(ignoreSlackRetries(deps));
}
