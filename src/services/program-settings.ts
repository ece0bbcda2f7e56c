// The program's settings as the rest of the code sees them: one typed object, read from the
// Program row (whose JSON column is validated here, never trusted as-is).
import { z } from 'zod';
import type { ProgramFile } from '../domain/program/program-schema.js';
import type { ProgramCalendar } from '../domain/types.js';
import type { Db } from '../infra/db-types.js';

const settingsSchema = z.object({
  dueRule: z.string().default('5 business days after period end'),
  reminders: z
    .object({
      reminderBusinessDaysBefore: z.number().int().default(2),
      overdueEveryBusinessDays: z.number().int().default(2),
      escalateAfterBusinessDaysLate: z.number().int().default(3),
      maxOverdueReminders: z.number().int().default(5),
      sendTime: z.string().default('10:00'),
    })
    .prefault({}),
  agendaVisibility: z.enum(['read_only', 'chairs_only']).default('read_only'),
  /** First month of the fiscal year (1–12), for year-to-date figures. */
  fiscalYearStart: z.number().int().min(1).max(12).default(1),
  publish: z.enum(['after_packet', 'after_meeting']).default('after_packet'),
  publishExplanations: z.boolean().default(false),
  contact: z.object({ name: z.string(), email: z.string() }).optional(),
  // --- who and when (issue 15); written only when not the default, so older files re-import unchanged ---
  respectSlackStatus: z.boolean().default(false),
  /** Follow-up nags to an away owner go to their delegate, or `pause` until they are back (the chair is told once). */
  awayFollowUps: z.enum(['delegate', 'pause']).default('delegate'),
  /** The monthly citywide brief (issue 17): unset = none is sent. */
  brief: z
    .object({
      day: z.number().int(),
      time: z.string().optional(),
      channel: z.string().optional(),
      people: z.array(z.string()),
    })
    .optional(),
});
export type StoredSettings = z.infer<typeof settingsSchema>;

export interface ProgramSettings extends StoredSettings {
  name: string;
  calendar: ProgramCalendar;
}

export class ProgramNotConfiguredError extends Error {
  readonly userMessage =
    'No stat program is loaded yet. An admin can load one with `npm run stat -- program import <file>`.';
}

export function programSettingsFromFile(p: ProgramFile): StoredSettings {
  const r = p.program.reminders;
  return {
    dueRule: p.program.due_rule,
    reminders: {
      reminderBusinessDaysBefore: r.days_before,
      overdueEveryBusinessDays: r.overdue_every,
      escalateAfterBusinessDaysLate: r.escalate_after,
      maxOverdueReminders: r.max_overdue,
      sendTime: r.send_time,
    },
    agendaVisibility: p.program.agenda_visibility,
    fiscalYearStart: p.program.fiscal_year_start,
    publish: p.program.publish,
    publishExplanations: p.program.publish_explanations,
    ...(p.program.contact ? { contact: p.program.contact } : {}),
    ...(p.program.respect_slack_status ? { respectSlackStatus: true } : {}),
    ...(p.program.away_followups === 'pause' ? { awayFollowUps: 'pause' } : {}),
    ...(p.brief ? { brief: p.brief } : {}),
  } as StoredSettings;
}

export async function loadProgramSettings(db: Db): Promise<ProgramSettings> {
  const row = await db.program.findUnique({ where: { id: 1 } });
  if (!row) throw new ProgramNotConfiguredError();
  const stored = settingsSchema.parse(row.settings);
  return {
    ...stored,
    name: row.name,
    calendar: {
      timezone: row.timezone,
      workdayStart: row.workdayStart,
      workdayEnd: row.workdayEnd,
      holidays: row.holidays,
    },
  };
}
