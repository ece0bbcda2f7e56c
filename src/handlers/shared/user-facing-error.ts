// Turns any error into a sentence a city employee can act on. Branches on error classes, never
// on message text; the details go to the log, not to the user.

import { toDatabaseUnavailable } from '../../infra/db-errors.js';
import { ProgramNotConfiguredError } from '../../services/program-settings.js';
import { MESSAGES } from '../../views/messages.js';

export function userFacingMessage(err: unknown): string {
  if (err instanceof ProgramNotConfiguredError) return err.userMessage;
  // The database going away mid-request surfaces as a driver-adapter error, classified here.
  if (toDatabaseUnavailable(err)) return MESSAGES.databaseUnavailable;
  return MESSAGES.somethingWentWrong;
}
