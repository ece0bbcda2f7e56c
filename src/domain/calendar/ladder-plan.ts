// Which business day each ladder step falls on, and how clashes are settled. Every step is sent
// at one time of day, so two steps on the same day would be two messages at the same instant:
// this is where that is prevented.
import { addBusinessDays } from './business-days.js';
import type { LadderSettings, LadderStepName } from './ladder-steps.js';
import type { LocalDate } from './local-date.js';

export interface PlannedDay {
  step: LadderStepName;
  /** Key suffix: "opening", "reminder-before", "due-day", "overdue-2", "escalation". */
  name: string;
  day: LocalDate;
}

/**
 * Clash rules, in order:
 * 1. Nothing is sent before or together with the opening notice: steps on or before the opening
 *    day are dropped (an opening on the due day says "due today" itself), except escalation,
 *    which moves to the first business day after the opening so a late-opened item still reaches
 *    the department head.
 * 2. Escalation and an overdue reminder on the same day: escalation wins (it carries the same
 *    news to more people); the overdue-k number is skipped, later ones keep their numbers so keys
 *    stay stable.
 * overdue-k falls k × overdueEveryBusinessDays business days after due, so overdue steps never
 * share a day with each other, the due day or the "due soon" reminder.
 */
export function planLadderDays(
  due: LocalDate,
  opening: LocalDate | null,
  s: LadderSettings,
  holidays: readonly string[],
): PlannedDay[] {
  const plan: PlannedDay[] = [];
  if (s.reminderBusinessDaysBefore > 0) {
    plan.push({
      step: 'reminder_before',
      name: 'reminder-before',
      day: addBusinessDays(due, -s.reminderBusinessDaysBefore, holidays),
    });
  }
  plan.push({ step: 'due_day', name: 'due-day', day: due });
  for (let k = 1; k <= s.maxOverdueReminders; k += 1) {
    plan.push({
      step: 'overdue',
      name: `overdue-${k}`,
      day: addBusinessDays(due, k * s.overdueEveryBusinessDays, holidays),
    });
  }
  const afterOpening = opening === null ? plan : plan.filter((p) => p.day > opening);
  const escalation = planEscalation(due, opening, s, holidays);
  const steps =
    escalation === null ? afterOpening : [...afterOpening.filter((p) => p.day !== escalation.day), escalation];
  return opening === null ? steps : [{ step: 'opening', name: 'opening', day: opening }, ...steps];
}

function planEscalation(
  due: LocalDate,
  opening: LocalDate | null,
  s: LadderSettings,
  holidays: readonly string[],
): PlannedDay | null {
  if (s.escalateAfterBusinessDaysLate === 0) return null;
  let day = addBusinessDays(due, s.escalateAfterBusinessDaysLate, holidays);
  if (opening !== null && day <= opening) day = addBusinessDays(opening, 1, holidays);
  return { step: 'escalation', name: 'escalation', day };
}
