// The one way this app makes a Slack Web API client: `npm start` (Bolt's client) and
// `stat run-due` (a bare client) both take their options from here. The SDK's defaults (no
// timeout, 10 retries over about 30 minutes) would let one hung call outlive a notice's 5-minute
// lease, so another run could claim the notice and send it again; this policy bounds every call.
// A 429 is not waited out inside the client (`rejectRateLimitedCalls`): its Retry-After comes back
// at once, so the gateway can wait exactly that long and hold the pacer meanwhile, and an
// interactive handler can answer the person instead of waiting past a trigger_id's 3 seconds.
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';
import type { Logger } from '../infra/logger.js';
import { boltLogger } from '../infra/slack/bolt-logger.js';
import { RATE_LIMIT_POLICY, type RateLimitPolicy } from '../infra/slack/slack-gateway.js';

export interface SlackCallPolicy {
  /** One attempt gives up after this long without an answer. */
  timeoutMs: number;
  /** Further attempts after a network error, a timeout or a 5xx (a 429 ends the call at once). */
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
 * The longest one client call can take when every attempt hangs: 3 × 20 s + 1 s + 2 s = 63 s, well
 * inside the 5-minute lease. A 429 ends the call with Slack's Retry-After, nothing waited in the
 * client; the gateway's waits and calls again on a 429 are counted by worstCaseSendMs.
 */
export function worstCaseCallMs(policy: SlackCallPolicy): number {
  let backoff = 0;
  for (let i = 0; i < policy.retries; i++) backoff += Math.min(policy.maxBackoffMs, policy.minBackoffMs * 2 ** i);
  return (policy.retries + 1) * policy.timeoutMs + backoff;
}

/**
 * The longest one gateway call (a post) can take: the call made once and again after each of at
 * most `retries` 429s, each Retry-After waited up to maxWaitMs — 4 × 63 s + 3 × 10 s = 282 s,
 * still inside the 5-minute lease that was renewed right before it.
 */
export function worstCaseSendMs(policy: SlackCallPolicy, rateLimits: RateLimitPolicy = RATE_LIMIT_POLICY): number {
  return (rateLimits.retries + 1) * worstCaseCallMs(policy) + rateLimits.retries * rateLimits.maxWaitMs;
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
    rejectRateLimitedCalls: true,
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
