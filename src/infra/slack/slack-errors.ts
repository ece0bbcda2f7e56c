// Which Slack failures are worth retrying. Branches on the SDK's error classes and Slack's error
// codes, not message text.
import { ErrorCode } from '@slack/web-api';

/** The recipient cannot receive it: a person must fix the channel or the program file. */
const RECIPIENT_PROBLEMS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'user_not_found',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'team_access_not_granted',
  'ekm_access_denied',
]);
/** Will not fix themselves either: the token or the app's setup, or a message Slack refuses. */
const PERMANENT = new Set([
  ...RECIPIENT_PROBLEMS,
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_arguments',
  'invalid_arg_name',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'not_allowed_token_type',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
  'method_deprecated',
  'deprecated_endpoint',
]);

export interface SlackFailure {
  retry: boolean;
  code: string;
  /** Slack asked us to wait this long (429 Retry-After), when it said. */
  retryAfterMs?: number;
  /** A recipient problem an admin should hear about (once), e.g. the bot is not in the channel. */
  recipientProblem?: boolean;
}

export function classifySlackError(err: unknown): SlackFailure {
  const e = err as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number };
  if (e.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'platform_error';
    return { retry: !PERMANENT.has(code), code, ...(RECIPIENT_PROBLEMS.has(code) ? { recipientProblem: true } : {}) };
  }
  if (e.code === ErrorCode.RateLimitedError)
    return {
      retry: true,
      code: 'ratelimited',
      ...(typeof e.retryAfter === 'number' ? { retryAfterMs: e.retryAfter * 1000 } : {}),
    };
  // 5xx and timeouts are Slack having a bad moment; other 4xx mean our request is wrong.
  if (e.code === ErrorCode.HTTPError)
    return { retry: (e.statusCode ?? 500) >= 500 || e.statusCode === 408, code: `http_${e.statusCode ?? 'error'}` };
  if (e.code === ErrorCode.RequestError) return { retry: true, code: e.code };
  return { retry: true, code: err instanceof Error ? err.message.slice(0, 200) : 'unknown_error' };
}
