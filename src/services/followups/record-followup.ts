// A decision recorded as a follow-up, from the modal or the one-line command: the recorder may
// record decisions, the owner is a real, active person (Slack says so), the follow-up is saved
// and the owner's card is returned for the handler to send.
import type { PrismaClient } from '../../infra/db-types.js';
import type { PeopleDirectory, PersonCheck } from '../../infra/slack/people.js';
import { isAllowed } from '../authorize.js';
import { createFollowUp, FollowUpInputError, type NewFollowUp } from './create-followup.js';
import { loadFollowUpCard } from './followup-card.js';

export type FollowUpField = FollowUpInputError['field'];

export type RecordOutcome =
  | { kind: 'recorded'; card: NonNullable<Awaited<ReturnType<typeof loadFollowUpCard>>> }
  | { kind: 'duplicate' }
  | { kind: 'not_allowed' }
  | { kind: 'owner_problem'; problem: Exclude<PersonCheck, 'ok'> }
  | { kind: 'invalid'; field: FollowUpField; message: string };

export async function recordFollowUp(
  prisma: PrismaClient,
  people: PeopleDirectory,
  input: NewFollowUp,
): Promise<RecordOutcome> {
  if (!(await isAllowed(prisma, input.createdBy, 'record_decision'))) return { kind: 'not_allowed' };
  const person = await people.checkPerson(input.ownerUserId);
  if (person !== 'ok') return { kind: 'owner_problem', problem: person };
  try {
    const created = await createFollowUp(prisma, input);
    if (!created) return { kind: 'duplicate' }; // a retry of one already saved
    const card = await loadFollowUpCard(prisma, created.id);
    return card ? { kind: 'recorded', card } : { kind: 'duplicate' };
  } catch (err) {
    if (err instanceof FollowUpInputError) return { kind: 'invalid', field: err.field, message: err.message };
    throw err;
  }
}
