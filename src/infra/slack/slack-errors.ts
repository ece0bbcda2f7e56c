// Which Slack failures are worth retrying. Branches on the SDK's error codes, not message text.
import { ErrorCode } from '@slack/web-api';

/** Errors that will not fix themselves: retrying would only repeat them. */
const PERMANENT = new Set(['channel_not_found', 'not_in_channel', 'user_not_found', 'account_inactive', 'is_archived', 'invalid_blocks', 'invalid_arguments', 'msg_too_long', 'no_text', 'cannot_dm_bot', 'user_disabled']);

export function classifySlackError(err: unknown): { retry: boolean; code: string } {
  const e = err as { code?: string; data?: { error?: string } };
  if (e.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'platform_error';
    return { retry: !PERMANENT.has(code), code };
  }
  if (e.code === ErrorCode.RateLimitedError) return { retry: true, code: 'ratelimited' };
  if (e.code === ErrorCode.RequestError || e.code === ErrorCode.HTTPError) return { retry: true, code: e.code };
  return { retry: true, code: err instanceof Error ? err.message.slice(0, 200) : 'unknown_error' };
}
