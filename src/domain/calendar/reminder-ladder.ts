// One reminder ladder for anything with a due date: collecting a department's numbers
// ("collect:DPW:2026-10") or nagging about a follow-up item ("followup:123"). Pure: it lists every
// message the subject could get; the caller skips keys already sent and stops once the item is done.
import type { ProgramCalendar } from '../types.js';
import { addBusinessDays, businessDaysBetween } from './business-days.js';
import { type PlannedDay, planLadderDays } from './ladder-plan.js';
import type { LadderSettings, LadderStepName } from './ladder-steps.js';
import { DEFAULT_LADDER_SETTINGS } from './ladder-steps.js';
import type { LocalDate } from './local-date.js';
import { sendInstantOn, workingWindowOn } from './working-hours.js';

export interface LadderInput {
  subjectKey: string;
  /** Day of the opening notice (e.g. computeOpeningDate); omitted = no opening step. */
  openAt?: LocalDate;
  dueDate: LocalDate;
  settings?: Partial<LadderSettings>;
  calendar: ProgramCalendar;
}

export interface LadderStep {
  /** Idempotency key: `${subjectKey}:${name}`, e.g. "collect:DPW:2026-10:overdue-1". */
  key: string;
  step: LadderStepName;
  sendAt: Date;
  /** The business day the step belongs to (local). */
  localDate: LocalDate;
  /** Business days after the (effective) due date; 0 on or before it. */
  businessDaysLate: number;
  /** After this instant the step no longer makes sense to send (rule in stale-steps.ts); null = never. Always later than sendAt. */
  expiresAt: Date | null;
}

/**
 * Every message the subject could get, sorted by sendAt, at most one per business day, each at
 * `sendTime` (clamped into working hours, see sendInstantOn). A due date on a weekend or holiday is
 * treated as due the next business day (nobody works on a Saturday); the opening day rolls
 * forward the same way (a Saturday opening notice goes out on Monday).
 */
export function buildReminderLadder(input: LadderInput): LadderStep[] {
  const settings = resolveLadderSettings(input.settings);
  const cal = input.calendar;
  const due = addBusinessDays(input.dueDate, 0, cal.holidays);
  const opening = input.openAt === undefined ? null : addBusinessDays(input.openAt, 0, cal.holidays);
  return planLadderDays(due, opening, settings, cal.holidays)
    .map((d) => ({
      key: `${input.subjectKey}:${d.name}`,
      step: d.step,
      sendAt: sendInstantOn(d.day, settings.sendTime, cal),
      localDate: d.day,
      businessDaysLate: Math.max(0, businessDaysBetween(due, d.day, cal.holidays)),
      expiresAt: computeExpiry(d, due, cal),
    }))
    .sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}

export function resolveLadderSettings(partial: Partial<LadderSettings> = {}): LadderSettings {
  const s = { ...DEFAULT_LADDER_SETTINGS, ...stripUndefined(partial) };
  const counts = [
    s.reminderBusinessDaysBefore,
    s.overdueEveryBusinessDays,
    s.escalateAfterBusinessDaysLate,
    s.maxOverdueReminders,
  ];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0))
    throw new RangeError('ladder settings must be whole numbers ≥ 0');
  if (s.maxOverdueReminders > 0 && s.overdueEveryBusinessDays < 1)
    throw new RangeError('overdueEveryBusinessDays must be ≥ 1');
  return s;
}

// The stale-step rule (documented in stale-steps.ts) is computed here, where the due date and
// calendar are known, so a stored notice can be judged later from its expiresAt alone.
function computeExpiry(d: PlannedDay, due: LocalDate, cal: ProgramCalendar): Date | null {
  switch (d.step) {
    case 'opening':
      return d.day >= due ? workingWindowOn(d.day, cal).end : workingWindowOn(due, cal).start;
    case 'reminder_before':
      return workingWindowOn(due, cal).start;
    case 'due_day':
    case 'overdue':
      return workingWindowOn(d.day, cal).end;
    case 'escalation':
      return null;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
