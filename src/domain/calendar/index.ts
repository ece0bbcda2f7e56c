// Public API of the calendar domain: periods, business days, due rules, working hours, reminders.
export { CalendarInputError, type LocalDate } from './local-date.js';
export { localDateOf, localTimeOnDate, startOfLocalDay, parseClockTime } from './zoned-time.js';
export {
  MONTH_NAMES, type PeriodParts, isPeriodKey, parsePeriodKey, formatPeriodKey, frequencyOfPeriod, formatPeriodLabel,
  shiftPeriod, previousPeriod, nextPeriod, periodsBack, periodContaining, periodStartEnd, periodEndInstant, lastClosedPeriod,
} from './periods.js';
export { parsePeriodInput, type PeriodInputResult, type PeriodInputErrorCode } from './parse-period.js';
export { isBusinessDay, addBusinessDays, businessDaysBetween } from './business-days.js';
export { type DueRule, type DueRuleResult, DEFAULT_DUE_RULE, computeDueDate, computeOpeningDate, parseDueRule, formatDueRule } from './due-rule.js';
export { workingWindowOn, isWithinWorkingHours, nextWorkingInstant, sendInstantOn } from './working-hours.js';
export {
  type LadderStepName, type LadderSettings, type LadderInput, type LadderStep, DEFAULT_LADDER_SETTINGS,
  buildReminderLadder, resolveLadderSettings,
} from './reminder-ladder.js';
export { isStepStillRelevant, dropStaleSteps } from './stale-steps.js';
