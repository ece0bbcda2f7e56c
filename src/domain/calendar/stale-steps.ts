// Catch-up after downtime: which ladder steps whose time has passed are still worth sending.
//
// The rule, in the program timezone, with `due` = the due date rolled forward to a business day.
// The ladder turns it into each step's expiresAt; a step is relevant while now < expiresAt:
// - opening: until working hours begin on the due day (the due-day reminder takes over). An
//   opening on or after the due day (opened late): until working hours end on its own day.
// - reminder_before ("due in N days"): until working hours begin on the due day; on or after the
//   due day it would be wrong.
// - due_day, overdue-k: until working hours end on the step's own business day; the next overdue
//   step carries the news after that.
// - escalation: never expires — a late escalation beats a silent one.
// expiresAt is always after sendAt, so a step not yet due is always relevant. Relevance is not
// permission to send at 02:00: the sender still waits for nextWorkingInstant(now) and re-checks.
//
// For one recipient (relevantUntil): a DM waits for its recipient's own working hours, in their
// time zone (a delegate's, while the planned recipient is away). A step that lasts until the end of
// its own working day (due_day, overdue-k, a late opening: expiresAt falls on the step's business
// day) lasts for them until the later of expiresAt and the end of the recipient's first working
// window at or after the step's sendAt: their working day for that step. So a New York due-day nag
// put off to 09:00 in Tokyo still goes out then, while after downtime it is dropped once that
// Tokyo window has closed too. Steps that give way on the due day (an opening before it,
// reminder_before) keep the program's expiry: the due-day step carries the news for everyone.
import type { ProgramCalendar } from '../types.js';
import type { LadderStep } from './reminder-ladder.js';
import { nextWorkingInstant, workingWindowOn } from './working-hours.js';
import { localDateOf } from './zoned-time.js';

export type StepTiming = Pick<LadderStep, 'sendAt' | 'expiresAt'>;

/** The program's calendar (the ladder's) and the same hours in the recipient's zone. */
export interface RecipientZones {
  program: ProgramCalendar;
  recipient: ProgramCalendar;
}

/** Null = never stale. Without `zones` (or for a recipient in the program's zone): expiresAt. */
export function relevantUntil(step: StepTiming, zones?: RecipientZones): Date | null {
  const { sendAt, expiresAt } = step;
  if (expiresAt === null || !zones || zones.recipient.timezone === zones.program.timezone) return expiresAt;
  const tz = zones.program.timezone;
  const lastsItsDay = localDateOf(sendAt, tz) === localDateOf(expiresAt, tz);
  if (!lastsItsDay) return expiresAt;
  const first = nextWorkingInstant(sendAt, zones.recipient);
  const { end } = workingWindowOn(localDateOf(first, zones.recipient.timezone), zones.recipient);
  return new Date(Math.max(end.getTime(), expiresAt.getTime()));
}

export function isStepStillRelevant(step: StepTiming, now: Date, zones?: RecipientZones): boolean {
  const until = relevantUntil(step, zones);
  return until === null || now < until;
}

/**
 * Removes past steps that went stale. Pass only steps not yet sent (filter by key first).
 * If an unsent opening and an unsent "due soon" reminder are both past their time, only the
 * opening is kept: one catch-up message, and the opening is the one that introduces the form.
 */
export function dropStaleSteps<T extends Pick<LadderStep, 'step' | 'sendAt' | 'expiresAt'>>(
  steps: readonly T[],
  now: Date,
): T[] {
  const live = steps.filter((s) => isStepStillRelevant(s, now));
  const openingPending = live.some((s) => s.step === 'opening' && s.sendAt <= now);
  return live.filter((s) => !(openingPending && s.step === 'reminder_before' && s.sendAt <= now));
}
