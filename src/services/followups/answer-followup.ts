// The owner reports back: done, an update, a request for more time, or blocked. Every answer is a
// history row with author and time; a second click on Done changes nothing.

import { localDateOf } from '../../domain/calendar/index.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { AnswerKind } from '../../views/followup-answer-modal.js';
import { isAllowed } from '../authorize.js';
import { loadProgramSettings } from '../program-settings.js';

export type { AnswerKind };

export interface Answer {
  followUpId: number;
  userId: string;
  kind: AnswerKind;
  note: string;
  proposedDueDate?: string | null;
  now: Date;
}

export type AnswerOutcome =
  | {
      kind: 'recorded';
      updateId: number;
      followUp: { id: number; text: string; ownerUserId: string; departmentId: number; dueDate: string };
    }
  | { kind: 'already_closed'; status: string }
  | { kind: 'not_found' }
  | { kind: 'not_allowed' }
  | { kind: 'invalid'; field: 'note' | 'date'; message: string };

const NOTE_REQUIRED: Record<AnswerKind, string | null> = {
  done: 'Say briefly what was done',
  update: 'Write the progress update',
  more_time: null,
  blocked: 'Say what is blocking it, so the chair can help',
};

export async function answerFollowUp(prisma: PrismaClient, a: Answer): Promise<AnswerOutcome> {
  const note = a.note.trim();
  const required = NOTE_REQUIRED[a.kind];
  if (required && !note) return { kind: 'invalid', field: 'note', message: required };
  if (note.length > 3000)
    return { kind: 'invalid', field: 'note', message: `Keep it under 3,000 characters (it has ${note.length})` };
  return prisma.$transaction(async (db) => {
    await db.$queryRaw`SELECT id FROM "FollowUp" WHERE id = ${a.followUpId} FOR UPDATE`;
    const f = await db.followUp.findUnique({ where: { id: a.followUpId } });
    if (!f) return { kind: 'not_found' } as const;
    if (!(await isAllowed(db, a.userId, 'update_followup', { followUpOwner: f.ownerUserId })))
      return { kind: 'not_allowed' } as const;
    if (f.status !== 'open') return { kind: 'already_closed', status: f.status } as const;
    if (a.kind === 'more_time') {
      const today = localDateOf(a.now, (await loadProgramSettings(db)).calendar.timezone);
      if (!a.proposedDueDate || a.proposedDueDate <= today)
        return { kind: 'invalid', field: 'date', message: 'Pick a new date after today' } as const;
      if (a.proposedDueDate <= f.dueDate)
        return { kind: 'invalid', field: 'date', message: 'Pick a date later than the current due date' } as const;
    }
    const update = await db.followUpUpdate.create({
      data: {
        followUpId: f.id,
        kind: a.kind,
        note,
        authorUserId: a.userId,
        proposedDueDate: a.kind === 'more_time' ? a.proposedDueDate! : null,
        createdAt: a.now,
      },
    });
    if (a.kind === 'done')
      await db.followUp.update({ where: { id: f.id }, data: { status: 'done', closedAt: a.now, blocked: false } });
    if (a.kind === 'blocked') await db.followUp.update({ where: { id: f.id }, data: { blocked: true } });
    if (a.kind === 'update') await db.followUp.update({ where: { id: f.id }, data: { blocked: false } });
    return { kind: 'recorded', updateId: update.id, followUp: f } as const;
  });
}
