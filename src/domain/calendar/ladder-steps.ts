// The reminder ladder's steps and settings, defined once: services validate stored payloads with
// `z.enum(LADDER_STEPS)` and views take `LadderStepName`, so a new step is added here and nowhere else.

/** In the order a subject meets them. */
export const LADDER_STEPS = ['opening', 'reminder_before', 'due_day', 'overdue', 'escalation'] as const;
export type LadderStepName = (typeof LADDER_STEPS)[number];

export interface LadderSettings {
  reminderBusinessDaysBefore: number; // 0 = no "due soon" reminder
  overdueEveryBusinessDays: number;
  escalateAfterBusinessDaysLate: number; // 0 = never escalate
  maxOverdueReminders: number; // 0 = no overdue reminders
  sendTime: string; // "HH:mm", local
}

export const DEFAULT_LADDER_SETTINGS: LadderSettings = {
  reminderBusinessDaysBefore: 2,
  overdueEveryBusinessDays: 2,
  escalateAfterBusinessDaysLate: 3,
  maxOverdueReminders: 5,
  sendTime: '10:00',
};
