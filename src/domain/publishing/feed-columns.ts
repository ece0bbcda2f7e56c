// The open-data feed's columns, in order, with what each means: the CSV header, the JSON keys and
// dictionary.csv all come from this one list.
import type { PublicRecord } from './public-record.js';

export interface FeedRow extends PublicRecord {
  /** 1 when first published; +1 each time a correction changed the published record. */
  revision: number;
  first_published_at: string;
  /** When this revision was published (equals first_published_at for revision 1). */
  published_at: string;
}

export interface FeedColumn {
  name: keyof FeedRow;
  type: 'string' | 'number' | 'integer' | 'date' | 'datetime';
  meaning: string;
  allowed?: string;
}

export const FEED_COLUMNS: readonly FeedColumn[] = [
  {
    name: 'record_id',
    type: 'string',
    meaning: 'Stable key of this row: program:department:metric:period (use it to upsert)',
  },
  { name: 'program', type: 'string', meaning: 'The performance program that publishes the data' },
  { name: 'department_key', type: 'string', meaning: 'Short code of the department' },
  { name: 'department', type: 'string', meaning: 'Department name' },
  { name: 'metric_key', type: 'string', meaning: 'Short code of the measure, stable over time' },
  { name: 'metric', type: 'string', meaning: 'Name of the measure' },
  { name: 'definition', type: 'string', meaning: 'What the measure counts, in plain words' },
  { name: 'methodology', type: 'string', meaning: 'How the figure is calculated' },
  { name: 'data_source', type: 'string', meaning: 'The system or records the figure comes from' },
  {
    name: 'unit',
    type: 'string',
    meaning: 'Unit of actual, target and tolerance ("%", "$", "days", or empty for a count)',
  },
  {
    name: 'polarity',
    type: 'string',
    meaning: 'Which direction is good',
    allowed: 'higher_is_better | lower_is_better | within_band',
  },
  { name: 'frequency', type: 'string', meaning: 'How often the measure is reported', allowed: 'monthly | quarterly' },
  { name: 'decimals', type: 'integer', meaning: 'Decimal places the figures are reported to' },
  { name: 'period', type: 'string', meaning: 'Reporting period: YYYY-MM (monthly) or YYYY-Qn (quarterly)' },
  { name: 'period_label', type: 'string', meaning: 'The period in words, e.g. October 2026' },
  { name: 'period_start', type: 'date', meaning: 'First day of the period (YYYY-MM-DD)' },
  { name: 'period_end', type: 'date', meaning: 'Last day of the period (YYYY-MM-DD)' },
  { name: 'actual', type: 'number', meaning: 'The reported value; empty when not reported' },
  { name: 'target', type: 'number', meaning: 'The target for the period; empty when there is none' },
  { name: 'tolerance', type: 'number', meaning: 'How far from target still counts as near target, in the unit' },
  {
    name: 'status',
    type: 'string',
    meaning: 'The value against its target',
    allowed: 'on_target | near_target | off_target | no_target | not_reported',
  },
  {
    name: 'signal',
    type: 'string',
    meaning: 'Whether the value is a real change or ordinary variation (XmR process-behaviour rules)',
  },
  {
    name: 'trend',
    type: 'string',
    meaning: 'Direction over the last three periods',
    allowed: 'improving | worsening | flat | unknown',
  },
  {
    name: 'centre_line',
    type: 'number',
    meaning: 'Average of the process (XmR centre line); empty with too little history',
  },
  { name: 'lower_limit', type: 'number', meaning: 'Lower natural process limit; empty with too little history' },
  { name: 'upper_limit', type: 'number', meaning: 'Upper natural process limit; empty with too little history' },
  { name: 'ytd_actual', type: 'number', meaning: 'Year-to-date value (mean, sum or last, as the measure defines)' },
  { name: 'ytd_target', type: 'number', meaning: 'Year-to-date target, built the same way' },
  { name: 'goal', type: 'string', meaning: 'The goal the measure serves' },
  { name: 'priority', type: 'string', meaning: 'The strategic priority the goal belongs to' },
  {
    name: 'explanation',
    type: 'string',
    meaning: "The department's explanation of an off-target value, when the program publishes them",
  },
  {
    name: 'revision',
    type: 'integer',
    meaning: 'Revision of this row: 1 when first published, higher after each correction',
  },
  { name: 'first_published_at', type: 'datetime', meaning: 'When this row was first published (ISO 8601, UTC)' },
  { name: 'published_at', type: 'datetime', meaning: 'When this revision was published (ISO 8601, UTC)' },
];
