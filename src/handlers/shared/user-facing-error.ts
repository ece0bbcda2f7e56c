// Turns any error into a sentence a city employee can act on. Branches on error classes, never
// on message text; the details go to the log, not to the user.
import { MESSAGES } from '../../bot/messages.js';
import { ProgramNotConfiguredError } from '../../services/program-settings.js';
import { DatabaseUnavailableError } from '../../infra/db/errors.js';

export function userFacingMessage(err: unknown): string {
  if (err instanceof ProgramNotConfiguredError) return err.userMessage;
  if (err instanceof DatabaseUnavailableError) return MESSAGES.databaseUnavailable;
  return MESSAGES.somethingWentWrong;
}
