// The one way this app makes a Slack Web API client: `npm start` (Bolt's client) and
// `stat run-due` (a bare client) both take their options from here. The SDK's defaults (no
// timeout, 10 retries over about 30 minutes) would let one hung call outlive a notice's 5-minute
// lease, so another run could claim the notice and send it again; this policy bounds every call.
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';
import type { Logger } from '../infra/logger.js';
import { boltLogger } from '../infra/slack/bolt-logger.js';

export interface SlackCallPolicy {
  /** One attempt gives up after this long without an answer. */
  timeoutMs: number;
  /** Further attempts after a network error, a timeout, a 5xx or a 429. */
  retries: number;
  /** Wait before the first retry; doubled for each further one, up to maxBackoffMs. */
  minBackoffMs: number;
  maxBackoffMs: number;
}

export const SLACK_CALL_POLICY: SlackCallPolicy = {
  timeoutMs: 20_000,
  retries: 2,
  minBackoffMs: 1_000,
  maxBackoffMs: 4_000,
};

/**
 * The longest one call can take when every attempt hangs: 3 × 20 s + 1 s + 2 s = 63 s, well inside
 * the 5-minute lease. A 429's Retry-After is waited on top (Slack's are seconds; the pacer keeps
 * us below the limits in the first place).
 */
export function worstCaseCallMs(policy: SlackCallPolicy): number {
  let backoff = 0;
  for (let i = 0; i < policy.retries; i++) backoff += Math.min(policy.maxBackoffMs, policy.minBackoffMs * 2 ** i);
  return (policy.retries + 1) * policy.timeoutMs + backoff;
}

export function slackClientOptions(
  slack: Pick<Config['slack'], 'apiUrl'>,
  logger: Logger,
  policy: SlackCallPolicy = SLACK_CALL_POLICY,
): WebClientOptions {
  return {
    slackApiUrl: slack.apiUrl,
    logger: boltLogger(logger),
    timeout: policy.timeoutMs,
    retryConfig: {
      retries: policy.retries,
      factor: 2,
      minTimeout: policy.minBackoffMs,
      maxTimeout: policy.maxBackoffMs,
      randomize: false,
    },
  };
}

/** A client for processes without Bolt (`stat run-due`), configured exactly as the bot's. */
export function createSlackClient(
  slack: Pick<Config['slack'], 'botToken' | 'apiUrl'>,
  logger: Logger,
  policy: SlackCallPolicy = SLACK_CALL_POLICY,
): WebClient {
  return new WebClient(slack.botToken, slackClientOptions(slack, logger, policy));
}
