// Public API of the calendar domain: periods, business days, due rules, working hours, reminders.

export { addBusinessDays, businessDaysBetween, isBusinessDay } from './business-days.js';
export {
  computeDueDate,
  computeOpeningDate,
  DEFAULT_DUE_RULE,
  type DueRule,
  type DueRuleResult,
  formatDueRule,
  parseDueRule,
} from './due-rule.js';
export { DEFAULT_LADDER_SETTINGS, LADDER_STEPS, type LadderSettings, type LadderStepName } from './ladder-steps.js';
export { CalendarInputError, formatDay, isLocalDate, type LocalDate } from './local-date.js';
export { type PeriodInputErrorCode, type PeriodInputResult, parsePeriodInput } from './parse-period.js';
export {
  firstMonthKey,
  formatPeriodKey,
  formatPeriodLabel,
  frequencyOfPeriod,
  isPeriodKey,
  lastClosedPeriod,
  lastWeekOfMonth,
  MONTH_NAMES,
  monthOfWeek,
  nextPeriod,
  type PeriodParts,
  parsePeriodKey,
  periodContaining,
  periodEndInstant,
  periodKeySchema,
  periodOrdinal,
  periodStartEnd,
  periodsBack,
  previousPeriod,
  shiftPeriod,
  weeksOfMonth,
} from './periods.js';
export { buildReminderLadder, type LadderInput, type LadderStep, resolveLadderSettings } from './reminder-ladder.js';
export {
  dropStaleSteps,
  isStepStillRelevant,
  type RecipientZones,
  relevantUntil,
  type StepTiming,
} from './stale-steps.js';
export { isWithinWorkingHours, nextWorkingInstant, sendInstantOn, workingWindowOn } from './working-hours.js';
export { localDateOf, localTimeOnDate, parseClockTime, startOfLocalDay } from './zoned-time.js';
