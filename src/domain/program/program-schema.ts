// The program file's shape (YAML or CSV), validated with zod. Pure: parsing text is the caller's job.
import { z } from 'zod';
import { briefSchema } from '../brief/brief-schedule.js';
import { isLocalDate } from '../calendar/local-date.js';
import { frequencyOfPeriod, periodKeySchema } from '../calendar/periods.js';
import { prioritySchema } from '../goals/goal-schema.js';
import { sourceSchema } from '../sources/source-spec.js';
import { isStorableValue, STORABLE_VALUE_MESSAGE } from '../submission/parse-number.js';

const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user id such as U04ABCDEF');
const slackChannelId = z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C04ABCDEF');
const key = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'must be a short key: letters, digits, _ or -, starting with a letter');
/** A Slack user group: its handle ("@dpw-stat") or its id (S0604QSJC). */
const userGroup = z
  .string()
  .regex(/^(@[a-z0-9][a-z0-9._-]{0,79}|S[A-Z0-9]{2,})$/, 'must be a Slack user group such as "@dpw-stat"');
const signOff = z.enum(['none', 'head'], { error: 'must be none or head' });
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as "09:00"');
const isoDate = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (!isLocalDate(s)) ctx.addIssue({ code: 'custom', message: 'must be a date such as 2026-12-25' });
  return s;
});
/** Values, targets and bounds are stored as double precision: 15 significant digits, exactly. */
const finite = z
  .number({ error: 'must be a number' })
  .finite()
  .refine((v) => isStorableValue(v), STORABLE_VALUE_MESSAGE);

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const fiscalMonth = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const text = String(v).trim().toLowerCase();
  const byName = MONTHS.findIndex((m) => text.length >= 3 && m.startsWith(text));
  const month = byName >= 0 ? byName + 1 : /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
  if (!(month >= 1 && month <= 12)) {
    ctx.addIssue({ code: 'custom', message: 'must be a month such as July (or 7)' });
    return z.NEVER;
  }
  return month;
});

export const targetSchema = z.object({ from: periodKeySchema, value: finite });

export const metricSchema = z
  .object({
    key,
    name: z.string().min(1).max(120),
    unit: z.string().max(20).default(''),
    description: z.string().max(1000).default(''),
    polarity: z.enum(['higher_is_better', 'lower_is_better', 'within_band'], {
      error: 'must be higher_is_better, lower_is_better or within_band',
    }),
    target: finite.optional(),
    targets: z.array(targetSchema).optional(),
    tolerance: finite.min(0, 'must be zero or more').default(0),
    frequency: z
      .enum(['monthly', 'quarterly', 'weekly'], { error: 'must be monthly, quarterly or weekly' })
      .default('monthly'),
    decimals: z.number().int().min(0).max(4).default(0),
    min: finite.optional(),
    max: finite.optional(),
    ytd: z.enum(['mean', 'sum', 'last'], { error: 'must be mean, sum or last' }).default('mean'),
    priority: z.string().max(120).optional(),
    goal: z.string().max(200).optional(),
    /** Compare each period with the same period in earlier years (e.g. main breaks peak in winter). */
    seasonal: z.boolean({ error: 'must be true or false' }).default(false),
    /** The process started afresh here (a new system, a new crew): limits start from this period. */
    baseline_from: periodKeySchema.optional(),
    /** What a resident reads: what the number means, how it is counted, where it comes from. */
    definition: z.string().max(1000).default(''),
    methodology: z.string().max(2000).default(''),
    data_source: z.string().max(200).default(''),
    /** Published on the open-data feed and public site; unset = the department's (then the program's) default. */
    public: z.boolean({ error: 'must be true or false' }).optional(),
    /** Where the value can be pulled from (see README, "Data sources"); without it, a person types it. */
    source: sourceSchema.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.baseline_from !== undefined && frequencyOfPeriod(m.baseline_from) !== m.frequency) {
      const example = {
        quarterly: 'quarter such as 2026-Q1',
        monthly: 'month such as 2026-03',
        weekly: 'week such as 2026-W10',
      };
      ctx.addIssue({
        code: 'custom',
        path: ['baseline_from'],
        message: `must be a ${example[m.frequency]}, like the metric's periods`,
      });
    }
    if (m.target !== undefined && m.targets !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['targets'], message: 'give either target or targets, not both' });
    }
    if (m.min !== undefined && m.max !== undefined && m.min > m.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `min (${m.min}) is above max (${m.max})` });
    }
  });

export const departmentSchema = z
  .object({
    key,
    name: z.string().min(1).max(80),
    channel: slackChannelId.optional(),
    due_rule: z.string().optional(),
    /** Default `public` for this department's metrics (else the program's). */
    public: z.boolean({ error: 'must be true or false' }).optional(),
    /** The department's first collected period, when it differs from the program's. */
    starts_with: periodKeySchema.optional(),
    metrics: z.array(metricSchema).default([]),
    // --- who (issue 15): a user group's members are liaisons / heads, re-read from Slack ---
    liaisons: userGroup.optional(),
    heads: userGroup.optional(),
    /** `head`: the head approves the numbers before the packet treats them as final (else the program's). */
    sign_off: signOff.optional(),
  })
  .strict();

export const personSchema = z
  .object({
    /** Slack member id, or leave it out and give `email` (looked up with users.lookupByEmail). */
    slack_id: slackUserId.optional(),
    name: z.string().min(1).max(80),
    email: z.email({ error: 'must be an email address such as ana@riverton.gov' }).optional(),
    // "admin", "chair", "liaison:DPW", "head:DPW"
    roles: z
      .array(
        z
          .string()
          .regex(
            /^(admin|chair|(liaison|head):[A-Za-z][A-Za-z0-9_-]*)$/,
            'must be admin, chair, liaison:<DEPT> or head:<DEPT>',
          ),
      )
      .default([]),
  })
  .strict()
  .refine((p) => p.slack_id !== undefined || p.email !== undefined, {
    message: 'give the person a slack_id or an email',
    path: ['email'],
  });

export const meetingSeriesSchema = z
  .object({
    key,
    name: z.string().min(1).max(80),
    channel: slackChannelId,
    chair: slackUserId,
    recurrence: z.string().min(1),
    rotation: z
      .array(
        z
          .array(key)
          .min(1, 'a meeting needs at least one department')
          .max(3, 'a roundtable takes one to three departments'),
      )
      .min(1),
    packet_lead_hours: z.number().int().min(1).max(240).default(48),
  })
  .strict();

export const programFileSchema = z
  .object({
    program: z
      .object({
        name: z.string().min(1).max(120),
        timezone: z.string().min(1),
        working_hours: z
          .object({ start: localTime, end: localTime })
          .strict()
          .default({ start: '09:00', end: '17:00' }),
        holidays: z.array(isoDate).default([]),
        due_rule: z.string().default('5 business days after period end'),
        /** The first period collected; omitted = the period in progress at the first import. */
        starts_with: periodKeySchema.optional(),
        reminders: z
          .object({
            days_before: z.number().int().min(0).max(10).default(2),
            overdue_every: z.number().int().min(1).max(10).default(2),
            escalate_after: z.number().int().min(1).max(30).default(3),
            max_overdue: z.number().int().min(0).max(20).default(5),
            send_time: localTime.default('10:00'),
          })
          .strict()
          .default({ days_before: 2, overdue_every: 2, escalate_after: 3, max_overdue: 5, send_time: '10:00' }),
        agenda_visibility: z.enum(['read_only', 'chairs_only']).default('read_only'),
        /** First month of the fiscal year, for year-to-date figures: "July", "Jul" or 7. */
        fiscal_year_start: fiscalMonth.default(1),
        /** Default `public` for every metric (a department or the metric itself may override it). */
        public: z.boolean({ error: 'must be true or false' }).default(false),
        /** When a period's public results go out: when its packet locks it, or after its meeting. */
        publish: z
          .enum(['after_packet', 'after_meeting'], { error: 'must be after_packet or after_meeting' })
          .default('after_packet'),
        /** Departments' explanations of off-target values are published only when this is true. */
        publish_explanations: z.boolean({ error: 'must be true or false' }).default(false),
        /** Who answers residents' questions about the data (DCAT contactPoint). */
        contact: z
          .object({ name: z.string().min(1).max(120), email: z.email() })
          .strict()
          .optional(),
        // --- who and when (issue 15) ---
        /** `head`: every department's head approves its numbers (a department may say otherwise). */
        sign_off: signOff.default('none'),
        /** A Slack status saying the person is out (with an expiry) counts as away until it expires. */
        respect_slack_status: z.boolean({ error: 'must be true or false' }).default(false),
        /** A follow-up nag to an owner who is away: `delegate` (to their delegate, if they named one) or `pause`. */
        away_followups: z.enum(['delegate', 'pause'], { error: 'must be delegate or pause' }).default('delegate'),
      })
      .strict(),
    people: z.array(personSchema).default([]),
    departments: z.array(departmentSchema).min(1, 'a program needs at least one department'),
    meetings: z.array(meetingSeriesSchema).default([]),
    // ── Goals (issue 17): strategic priorities → goals → the metrics that measure them. ──
    priorities: z.array(prioritySchema).default([]),
    /** The monthly citywide brief: which day, to whom (issue 17). */
    brief: briefSchema.optional(),
    /** Optional CSV of past values, relative to the program file. */
    history: z.string().optional(),
  })
  .strict();

export type ProgramFile = z.infer<typeof programFileSchema>;
export type MetricSpec = z.infer<typeof metricSchema>;
