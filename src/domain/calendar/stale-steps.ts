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
import type { LadderStep } from './reminder-ladder.js';

export function isStepStillRelevant(step: Pick<LadderStep, 'expiresAt'>, now: Date): boolean {
  return step.expiresAt === null || now < step.expiresAt;
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
