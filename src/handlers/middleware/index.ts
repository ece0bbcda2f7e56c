// What runs around every listener: each request gets an id and is always acknowledged
// (request-context.ts), and Slack's retries of events already handled are dropped before any
// listener sees them (ignore-slack-retries.ts; app.use() middleware runs before all listeners).
import type { App } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { ignoreSlackRetries } from './ignore-slack-retries.js';
import { wrapRequests } from './request-context.js';

export function registerMiddleware(app: App, deps: Deps): void {
  wrapRequests(app);
  app.use(ignoreSlackRetries(deps));
}
