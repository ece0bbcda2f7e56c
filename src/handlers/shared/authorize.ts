// For a handler that opens a form or shows a listing: asks the permission table (through the
// services' one entry point) and, when refused, answers with the refusal for that action.
// Changes to data are checked by the service that makes them, not here.
import type { Deps } from '../../app/deps.js';
import type { Action, Resource } from '../../domain/permissions.js';
import { isAllowed } from '../../services/authorize.js';
import { MESSAGES } from '../../views/messages.js';

export async function refuseUnlessAllowed(
  deps: Pick<Deps, 'prisma'>,
  userId: string,
  action: Action,
  answer: (text: string) => Promise<unknown>,
  resource: Resource = {},
): Promise<boolean> {
  if (await isAllowed(deps.prisma, userId, action, resource)) return false;
  await answer(MESSAGES.notAllowedTo(action));
  return true;
}
