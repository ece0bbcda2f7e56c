// The owner's reminder ladder for a follow-up: N business days before, on the due day, every N
// business days overdue, and after M days late the chair and department head are told.
// Keys carry the due date, so a new date starts a fresh ladder and the old one goes stale.
import { z } from 'zod';
import { buildReminderLadder, LADDER_STEPS } from '../../domain/calendar/index.js';
import type { Db } from '../../infra/db-types.js';
import { chairs, membersOf } from '../actors.js';
import type { ProgramSettings } from '../program-settings.js';

/** What a follow-up nag row carries; read back through this schema, never trusted as-is. */
export const followUpNagPayloadSchema = z.object({
  followUpId: z.number().int(),
  dueDate: z.string(),
  step: z.enum(LADDER_STEPS),
  businessDaysLate: z.number().int(),
  expiresAt: z.string().nullable(),
  /** The step's own send time as planned (the row's sendAt moves when delivery puts it off). */
  sendAt: z.string().optional(),
});
export type FollowUpNagPayload = z.infer<typeof followUpNagPayloadSchema>;

export async function planFollowUpNags(
  db: Db,
  f: { id: number; departmentId: number; ownerUserId: string; dueDate: string },
  settings: ProgramSettings,
): Promise<number> {
  const steps = buildReminderLadder({
    subjectKey: `followup:${f.id}:${f.dueDate}`,
    dueDate: f.dueDate,
    settings: settings.reminders,
    calendar: settings.calendar,
  });
  const escalateTo = [...new Set([...(await chairs(db)), ...(await membersOf(db, f.departmentId, 'head'))])].filter(
    (u) => u !== f.ownerUserId,
  );
  const rows = steps.flatMap((s) =>
    (s.step === 'escalation' ? escalateTo : [f.ownerUserId]).map((recipient) => ({
      key: `${s.key}:${recipient}`,
      kind: `followup_${s.step}`,
      recipient,
      sendAt: s.sendAt,
      payload: {
        followUpId: f.id,
        dueDate: f.dueDate,
        step: s.step,
        businessDaysLate: s.businessDaysLate,
        expiresAt: s.expiresAt?.toISOString() ?? null,
        sendAt: s.sendAt.toISOString(),
      } satisfies FollowUpNagPayload,
    })),
  );
  return rows.length ? (await db.scheduledNotice.createMany({ data: rows, skipDuplicates: true })).count : 0;
}
