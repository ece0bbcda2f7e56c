// What only chairs and admins may do: approve or decline a new date, reassign, change the date,
// cancel with a reason. Every change is a history row; nags are re-planned for the new owner/date.

import { formatDay } from '../../domain/calendar/index.js';
import { can } from '../../domain/permissions.js';
import type { Db, PrismaClient } from '../../infra/db-types.js';
import { loadActor } from '../actors.js';
import { loadProgramSettings } from '../program-settings.js';
import { planFollowUpNags } from './plan-followup-nags.js';

export type ManageOutcome =
  | { kind: 'done'; followUp: { id: number; text: string; ownerUserId: string; dueDate: string }; message: string }
  | { kind: 'not_allowed' }
  | { kind: 'not_found' }
  | { kind: 'already_decided'; message: string }
  | { kind: 'invalid'; message: string };

type Change =
  | { kind: 'decide_more_time'; updateId: number; approve: boolean }
  | { kind: 'reassign'; ownerUserId: string; reason: string }
  | { kind: 'change_due'; dueDate: string; reason: string }
  | { kind: 'cancel'; reason: string };

export async function manageFollowUp(
  prisma: PrismaClient,
  followUpId: number,
  userId: string,
  change: Change,
  now: Date,
): Promise<ManageOutcome> {
  return prisma.$transaction(async (db) => {
    await db.$queryRaw`SELECT id FROM "FollowUp" WHERE id = ${followUpId} FOR UPDATE`;
    const f = await db.followUp.findUnique({
      where: { id: followUpId },
      include: { updates: { orderBy: { id: 'asc' } } },
    });
    if (!f) return { kind: 'not_found' } as const;
    if (!can(await loadActor(db, userId), 'manage_followup')) return { kind: 'not_allowed' } as const;
    if (f.status !== 'open')
      return { kind: 'already_decided', message: `This follow-up is already ${f.status}.` } as const;
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
        if (decided) return { kind: 'already_decided', message: 'That request has already been answered.' } as const;
        await log(change.approve ? 'more_time_approved' : 'more_time_declined', '', request.proposedDueDate);
        if (!change.approve)
          return {
            kind: 'done',
            followUp: f,
            message: `Declined: the due date stays ${formatDay(f.dueDate)}.`,
          } as const;
        return applyDue(db, f, request.proposedDueDate, `Approved: now due ${formatDay(request.proposedDueDate)}.`);
      }
      case 'reassign': {
        const updated = await db.followUp.update({
          where: { id: followUpId },
          data: { ownerUserId: change.ownerUserId },
        });
        await log('reassigned', `${f.ownerUserId} → ${change.ownerUserId}${change.reason ? `: ${change.reason}` : ''}`);
        await planFollowUpNags(db, updated, await loadProgramSettings(db));
        return { kind: 'done', followUp: updated, message: `Reassigned to <@${change.ownerUserId}>.` } as const;
      }
      case 'change_due':
        await log(
          'due_changed',
          `${f.dueDate} → ${change.dueDate}${change.reason ? `: ${change.reason}` : ''}`,
          change.dueDate,
        );
        return applyDue(db, f, change.dueDate, `Now due ${formatDay(change.dueDate)}.`);
      case 'cancel':
        if (!change.reason.trim()) return { kind: 'invalid', message: 'Give a reason for cancelling' } as const;
        await log('cancelled', change.reason.trim());
        await db.followUp.update({ where: { id: followUpId }, data: { status: 'cancelled', closedAt: now } });
        return { kind: 'done', followUp: f, message: 'Cancelled.' } as const;
    }
  });
}

async function applyDue(db: Db, f: { id: number }, dueDate: string, message: string): Promise<ManageOutcome> {
  const updated = await db.followUp.update({ where: { id: f.id }, data: { dueDate } });
  await planFollowUpNags(db, updated, await loadProgramSettings(db));
  return { kind: 'done', followUp: updated, message };
}
