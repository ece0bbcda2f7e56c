// Strategic priorities and the goals that serve them, as the program file declares them
// (Tacoma's ladder: priority → goal with long- and short-term targets → measures → department).
import { z } from 'zod';
import { isLocalDate } from '../calendar/local-date.js';

const key = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'must be a short key: letters, digits, _ or -, starting with a letter');
const byDate = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (!isLocalDate(s)) ctx.addIssue({ code: 'custom', message: 'must be a date such as 2030-06-30' });
  return s;
});

/** A goal's target in words or as a number ("95% of requests on time", 80), and the date it is due. */
export const goalTargetSchema = z
  .object({ target: z.union([z.string().min(1).max(200), z.number()]).transform(String), by: byDate })
  .strict();

/** `DPW.sr_on_time`: a department key and one of its metric keys. */
export const metricRefSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*\.[A-Za-z][A-Za-z0-9_-]*$/, 'must name a metric as DEPT.metric, e.g. DPW.sr_on_time');

export const goalSchema = z
  .object({
    key,
    statement: z.string().min(1).max(300),
    /** The department responsible for the goal. */
    department: key.optional(),
    long_term: goalTargetSchema.optional(),
    short_term: goalTargetSchema.optional(),
    /** The metrics that measure it; a metric serves one goal. */
    metrics: z.array(metricRefSchema).default([]),
  })
  .strict();

export const prioritySchema = z
  .object({ key, name: z.string().min(1).max(120), goals: z.array(goalSchema).default([]) })
  .strict();

export type PrioritySpec = z.infer<typeof prioritySchema>;
export type GoalSpec = z.infer<typeof goalSchema>;
