// What only chairs and admins may do: approve or decline a new date, reassign, change the date,
// cancel with a reason. Every change is a history row; nags are re-planned for the new owner/date.

import type { FollowUpChange } from '../../domain/followups/parse-followups-command.js';
import type { Db, PrismaClient } from '../../infra/db-types.js';
import type { PeopleDirectory, PersonCheck } from '../../infra/slack/people.js';
import type { FollowUpChangeResult } from '../../views/messages.js';
import { isAllowed } from '../authorize.js';
import { loadProgramSettings } from '../program-settings.js';
import { planFollowUpNags } from './plan-followup-nags.js';

type ChangeResult = FollowUpChangeResult;

export type ManageOutcome =
  | { kind: 'done'; followUp: { id: number; text: string; ownerUserId: string; dueDate: string }; result: ChangeResult }
  | { kind: 'not_allowed' }
  | { kind: 'not_found' }
  | { kind: 'already_decided'; status: string | null }
  | { kind: 'owner_problem'; problem: Exclude<PersonCheck, 'ok'> }
  | { kind: 'missing_reason' };

type Change = { kind: 'decide_more_time'; updateId: number; approve: boolean } | FollowUpChange;

export async function manageFollowUp(
  prisma: PrismaClient,
  followUpId: number,
  userId: string,
  change: Change,
  now: Date,
  people?: PeopleDirectory,
): Promise<ManageOutcome> {
  // The one permission check for these changes, whether they come from a command or a button.
  if (!(await isAllowed(prisma, userId, 'manage_followup'))) return { kind: 'not_allowed' };
  if (change.kind === 'cancel' && !change.reason.trim()) return { kind: 'missing_reason' };
  if (change.kind === 'reassign') {
    const person = people ? await people.checkPerson(change.ownerUserId) : 'unknown';
    if (person !== 'ok') return { kind: 'owner_problem', problem: person };
  }
  return prisma.$transaction(async (db) => {
    await db.$queryRaw`SELECT id FROM "FollowUp" WHERE id = ${followUpId} FOR UPDATE`;
    const f = await db.followUp.findUnique({
      where: { id: followUpId },
      include: { updates: { orderBy: { id: 'asc' } } },
    });
    if (!f) return { kind: 'not_found' } as const;
    if (f.status !== 'open') return { kind: 'already_decided', status: f.status } as const;
    const log = (kind: string, note: string, proposedDueDate: string | null = null) =>
      db.followUpUpdate.create({
        data: { followUpId, kind, note, authorUserId: userId, proposedDueDate, createdAt: now },
      });
    switch (change.kind) {
      case 'decide_more_time': {
        const request = f.updates.find((u) => u.id === change.updateId && u.kind === 'more_time');
        if (!request?.proposedDueDate) return { kind: 'not_found' } as const;
        const decided = f.updates.some(
          (u) =>
            u.id > request.id &&
            (u.kind === 'more_time_approved' || u.kind === 'more_time_declined') &&
            u.proposedDueDate === request.proposedDueDate,
        );
        if (decided) return { kind: 'already_decided', status: null } as const;
        await log(change.approve ? 'more_time_approved' : 'more_time_declined', '', request.proposedDueDate);
        if (!change.approve)
          return { kind: 'done', followUp: f, result: { kind: 'declined', dueDate: f.dueDate } } as const;
        return applyDue(db, f, request.proposedDueDate, 'approved');
      }
      case 'reassign': {
        const updated = await db.followUp.update({
          where: { id: followUpId },
          data: { ownerUserId: change.ownerUserId },
        });
        await log('reassigned', `${f.ownerUserId} → ${change.ownerUserId}${change.reason ? `: ${change.reason}` : ''}`);
        await planFollowUpNags(db, updated, await loadProgramSettings(db));
        return {
          kind: 'done',
          followUp: updated,
          result: { kind: 'reassigned', ownerUserId: change.ownerUserId },
        } as const;
      }
      case 'change_due':
        await log(
          'due_changed',
          `${f.dueDate} → ${change.dueDate}${change.reason ? `: ${change.reason}` : ''}`,
          change.dueDate,
        );
        return applyDue(db, f, change.dueDate, 'due_changed');
      case 'cancel':
        await log('cancelled', change.reason.trim());
        await db.followUp.update({ where: { id: followUpId }, data: { status: 'cancelled', closedAt: now } });
        return { kind: 'done', followUp: f, result: { kind: 'cancelled' } } as const;
    }
  });
}

async function applyDue(
  db: Db,
  f: { id: number },
  dueDate: string,
  kind: 'approved' | 'due_changed',
): Promise<ManageOutcome> {
  const updated = await db.followUp.update({ where: { id: f.id }, data: { dueDate } });
  await planFollowUpNags(db, updated, await loadProgramSettings(db));
  return { kind: 'done', followUp: updated, result: { kind, dueDate } };
}
