// Turns any error into a sentence a city employee can act on: one message per error class.
// Branches on error classes and Slack's error codes, never on message text; the details go to
// the log, not to the user.

import { ErrorCode } from '@slack/web-api';
import { CalendarInputError } from '../../domain/calendar/index.js';
import { toDatabaseUnavailable } from '../../infra/db-errors.js';
import { MeetingChangeError } from '../../services/meetings/manage-meetings.js';
import { ProgramNotConfiguredError } from '../../services/program-settings.js';
import { MESSAGES } from '../../views/messages.js';

/** Errors caused by what the person typed: answered with what to change, logged at info. */
export function isUserInputError(err: unknown): err is CalendarInputError | MeetingChangeError {
  return err instanceof CalendarInputError || err instanceof MeetingChangeError;
}

export function isExpiredTrigger(err: unknown): boolean {
  return (err as { data?: { error?: string } } | null)?.data?.error === 'expired_trigger_id';
}

/**
 * Slack answered 429. The client hands it back at once (src/app/slack-client.ts) rather than
 * waiting Retry-After, which would outlive a trigger_id's 3 seconds and leave the person with nothing.
 */
export function isRateLimited(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === ErrorCode.RateLimitedError;
}

export function userFacingMessage(err: unknown): string {
  if (err instanceof MeetingChangeError) return MESSAGES.meetingChangeRefused(err.problem);
  if (err instanceof CalendarInputError) return err.message;
  if (err instanceof ProgramNotConfiguredError) return err.userMessage;
  if (isExpiredTrigger(err)) return MESSAGES.formExpired;
  if (isRateLimited(err)) return MESSAGES.slackBusy;
  // The database going away mid-request surfaces as a driver-adapter error, classified here.
  if (toDatabaseUnavailable(err)) return MESSAGES.databaseUnavailable;
  return MESSAGES.somethingWentWrong;
}
