// "Waiting on data": a liaison tells the bot the numbers wait on a source system until a day.
// Reminders pause until then — never past the due date — and the chair sees the reason in /stat status.
import { localDateOf } from '../../domain/calendar/index.js';
import type { Db } from '../../infra/db-types.js';
import { isAllowed } from '../authorize.js';
import { loadProgramSettings } from '../program-settings.js';

export type WaitingOutcome =
  | { kind: 'saved'; until: string; capped: boolean }
  | { kind: 'not_allowed' }
  | { kind: 'bad_date' }
  | { kind: 'no_reason' }
  | { kind: 'not_open' };

export async function setWaitingOnData(
  db: Db,
  input: { userId: string; departmentId: number; period: string; until: string; reason: string; now: Date },
): Promise<WaitingOutcome> {
  const { userId, departmentId, period, now } = input;
  if (!(await isAllowed(db, userId, 'submit_numbers', { departmentId }, now))) return { kind: 'not_allowed' };
  const reason = input.reason.trim();
  if (!reason) return { kind: 'no_reason' };
  const { calendar } = await loadProgramSettings(db);
  const today = localDateOf(now, calendar.timezone);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.until) || input.until <= today) return { kind: 'bad_date' };
  const obligation = await db.departmentPeriod.findUnique({ where: { departmentId_period: { departmentId, period } } });
  if (!obligation || obligation.lockedAt || obligation.submittedAt) return { kind: 'not_open' };
  const until = [input.until, obligation.dueDate].sort()[0]!; // never past the due date (ISO days sort as text)
  await db.departmentPeriod.update({
    where: { id: obligation.id },
    data: { waitingUntil: until, waitingReason: reason.slice(0, 300) },
  });
  return { kind: 'saved', until, capped: until !== input.until };
}

/** True while a reminder should hold back for "waiting on data" (escalations are the chair's, not paused). */
export function isWaitingOnData(obligation: { waitingUntil: string | null }, step: string, today: string): boolean {
  return step !== 'escalation' && obligation.waitingUntil !== null && today < obligation.waitingUntil;
}
