// Whether a ladder notice (follow-up nag, collection reminder) is still worth sending, judged in
// the working day of whoever it would reach now: the rule is the domain's (stale-steps.ts), the
// person whose hours count is delivery's (hoursCalendar), so a notice put off only for its
// recipient's hours is not then found stale for it.
import { isStepStillRelevant } from '../../domain/calendar/index.js';
import type { ProgramCalendar } from '../../domain/types.js';
import type { Db } from '../../infra/db-types.js';
import { hoursCalendar } from '../people/recipient-hours.js';

/** A notice payload's timing: the step's own send time as planned (ISO) and its program-zone expiry. */
export interface StoredStepTiming {
  /** Absent on rows planned before steps carried it: those keep the program-zone expiry. */
  sendAt?: string | undefined;
  expiresAt: string | null;
}

export async function isNoticeStillRelevant(
  db: Db,
  recipient: string,
  p: StoredStepTiming,
  now: Date,
  program: ProgramCalendar,
): Promise<boolean> {
  if (p.expiresAt === null) return true;
  const expiresAt = new Date(p.expiresAt);
  // Within the program's own expiry no one's hours matter: no look-up (a fan-out is 1,000 DMs).
  if (now < expiresAt) return true;
  if (!p.sendAt) return false;
  const recipientCal = await hoursCalendar(db, recipient, now, program);
  return isStepStillRelevant({ sendAt: new Date(p.sendAt), expiresAt }, now, { program, recipient: recipientCal });
}
