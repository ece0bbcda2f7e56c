// Row shapes for the two CSV formats: a metric sheet (one metric per row) and value history.
import { z } from 'zod';
import { periodKeySchema } from '../calendar/periods.js';
import { isStorableValue, STORABLE_VALUE_MESSAGE } from '../submission/parse-number.js';
import { departmentSchema, metricSchema } from './program-schema.js';

const blankToUndefined = (v: unknown) => (v === '' || v === undefined ? undefined : v);
const optionalNumber = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: 'must be a number' })
    .finite()
    .refine((v) => isStorableValue(v), STORABLE_VALUE_MESSAGE)
    .optional(),
);

export const historyRowSchema = z.object({
  department: z.string().min(1, 'department is empty'),
  metric: z.string().min(1, 'metric is empty'),
  period: periodKeySchema,
  value: optionalNumber,
  note: z.preprocess(blankToUndefined, z.string().max(3000).optional()),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;
export const HISTORY_COLUMNS = ['department', 'metric', 'period', 'value'] as const;

/** A metric sheet row: the department's columns repeated on each of its metrics. */
export const metricRowSchema = z
  .object({
    department: departmentSchema.shape.key,
    department_name: z.string().min(1, 'department_name is empty'),
    metric: metricSchema.shape.key,
    name: z.string().min(1, 'name is empty'),
    unit: z.string().default(''),
    polarity: metricSchema.shape.polarity,
    target: optionalNumber,
    tolerance: optionalNumber,
    frequency: z.preprocess(blankToUndefined, metricSchema.shape.frequency),
    decimals: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(4).optional()),
    min: optionalNumber,
    max: optionalNumber,
    ytd: z.preprocess(blankToUndefined, z.enum(['mean', 'sum', 'last']).optional()),
    priority: z.preprocess(blankToUndefined, z.string().optional()),
    goal: z.preprocess(blankToUndefined, z.string().optional()),
    seasonal: z.preprocess(
      (v) =>
        typeof v === 'string'
          ? (({ true: true, yes: true, false: false, no: false } as Record<string, boolean | undefined>)[
              v.trim().toLowerCase()
            ] ?? (v.trim() === '' ? undefined : v))
          : v,
      z.boolean({ error: 'must be true or false' }).optional(),
    ),
    baseline_from: z.preprocess(blankToUndefined, periodKeySchema.optional()),
  })
  .loose();
export type MetricRow = z.infer<typeof metricRowSchema>;
export const METRIC_SHEET_COLUMNS = ['department', 'department_name', 'metric', 'name', 'polarity'] as const;
