// A decision becomes a follow-up: owner, due date, department, optional metric and meeting.
// Saved with its first history row and its nag schedule in one transaction.

import { localDateOf } from '../../domain/calendar/index.js';
import { MAX_FOLLOWUP_TEXT } from '../../domain/followups/limits.js';
import { isUniqueViolation } from '../../infra/db-errors.js';
import type { Db, PrismaClient } from '../../infra/db-types.js';
import { loadProgramSettings } from '../program-settings.js';
import { planFollowUpNags } from './plan-followup-nags.js';

export { MAX_FOLLOWUP_TEXT };

export interface NewFollowUp {
  departmentId: number;
  ownerUserId: string;
  text: string;
  dueDate: string;
  metricId?: number | null;
  meetingId?: number | null;
  sourceLink?: string | null;
  createdBy: string;
  now: Date;
  /** Makes a retried modal submission create nothing new. */
  interactionKey: string;
}

export class FollowUpInputError extends Error {
  constructor(
    readonly field: 'text' | 'due_date' | 'owner' | 'department',
    message: string,
  ) {
    super(message);
  }
}

export async function createFollowUp(prisma: PrismaClient, input: NewFollowUp) {
  const text = input.text.trim();
  if (!text) throw new FollowUpInputError('text', 'Write what was decided');
  if (text.length > MAX_FOLLOWUP_TEXT)
    throw new FollowUpInputError('text', `Keep it under ${MAX_FOLLOWUP_TEXT} characters (it has ${text.length})`);
  try {
    return await prisma.$transaction(async (db) => {
      const settings = await loadProgramSettings(db);
      if (input.dueDate < localDateOf(input.now, settings.calendar.timezone))
        throw new FollowUpInputError('due_date', 'The due date is in the past — pick today or later');
      if (!(await db.department.findFirst({ where: { id: input.departmentId, active: true } })))
        throw new FollowUpInputError('department', 'Pick a department from the list');
      const seen = await db.processedInteraction.findUnique({ where: { key: input.interactionKey } });
      if (seen) return null;
      await db.processedInteraction.create({ data: { key: input.interactionKey, createdAt: input.now } });
      const meetingId = input.meetingId ?? (await meetingInProgress(db, input.departmentId, input.now));
      const followUp = await db.followUp.create({
        data: {
          departmentId: input.departmentId,
          ownerUserId: input.ownerUserId,
          text,
          dueDate: input.dueDate,
          metricId: input.metricId ?? null,
          meetingId,
          sourceLink: input.sourceLink ?? null,
          createdBy: input.createdBy,
          createdAt: input.now,
        },
      });
      await db.followUpUpdate.create({
        data: {
          followUpId: followUp.id,
          kind: 'created',
          note: text,
          authorUserId: input.createdBy,
          createdAt: input.now,
        },
      });
      await planFollowUpNags(db, followUp, settings);
      return followUp;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return null; // the same submission, delivered twice
    throw err;
  }
}

/**
 * A decision recorded by command or shortcut on the day the department meets belongs to that
 * meeting (so it appears in the meeting record), just like one recorded from the agenda.
 */
async function meetingInProgress(db: Db, departmentId: number, now: Date): Promise<number | null> {
  const dept = await db.department.findUnique({ where: { id: departmentId } });
  if (!dept) return null;
  const window = 12 * 3_600_000;
  const meeting = await db.meeting.findFirst({
    where: {
      departmentKeys: { has: dept.key },
      status: { not: 'cancelled' },
      startsAt: { gte: new Date(now.getTime() - window), lte: new Date(now.getTime() + window) },
    },
    orderBy: { startsAt: 'asc' },
  });
  return meeting?.id ?? null;
}

export async function loadFollowUp(db: Db, id: number) {
  return db.followUp.findUnique({
    where: { id },
    include: { department: true, metric: true, updates: { orderBy: { id: 'asc' } } },
  });
}
