// The "Enter numbers" modal: one number input per metric with its target and last value, a
// "not available" box and an explanation field. Big departments are split into pages.
import { z } from 'zod';
import { formatMetricNumber, formatNumberInput, formatWithUnit } from '../domain/number-format.js';
import { type EntryField, MAX_NOTE_LENGTH } from '../domain/submission/validate-entries.js';
import type { MetricRule } from '../domain/types.js';
import { describeTarget } from './format.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';

export const SUBMISSION_CALLBACK_ID = 'stat_submit_numbers';
export const VALUE_ACTION_ID = 'value';
export const NOTE_ACTION_ID = 'note';
export const NOT_AVAILABLE_ACTION_ID = 'not_available';
const NOT_AVAILABLE_OPTION = 'na';
const ACTION_OF_FIELD: Record<EntryField, string> = {
  value: VALUE_ACTION_ID,
  note: NOTE_ACTION_ID,
  not_available: NOT_AVAILABLE_ACTION_ID,
};

/** Blocks per metric (value, not-available, note, divider) and fixed blocks at the top. */
const BLOCKS_PER_METRIC = 4;
const FIXED_BLOCKS = 3;
export const METRICS_PER_PAGE = Math.floor((LIMITS.viewBlocks - FIXED_BLOCKS) / BLOCKS_PER_METRIC);

export function metricBlockId(metricId: number, field: EntryField): string {
  return `metric_${metricId}_${field}`;
}

export interface FormMetric {
  id: number;
  name: string;
  unit: string;
  rule: MetricRule;
  target: number | null;
  previous: { label: string; value: number | null } | null;
  saved: { value: number | null; notAvailable: boolean; note: string | null } | null;
}

export interface SubmissionForm {
  departmentId: number;
  departmentName: string;
  period: string;
  periodLabel: string;
  dueLabel: string;
  metrics: FormMetric[];
  page: number;
  /** Unusual values the person has already been asked about (metric id → value). */
  confirmed: [number, number][];
  warnings: string[];
}

export const submissionMetadataSchema = z.object({
  d: z.number().int(),
  p: z.string(),
  pg: z.number().int().min(0),
  c: z.array(z.tuple([z.number().int(), z.number()])).default([]),
});
export type SubmissionMetadata = z.infer<typeof submissionMetadataSchema>;

export function pageCount(metricCount: number): number {
  return Math.max(1, Math.ceil(metricCount / METRICS_PER_PAGE));
}

export function metricsOnPage<T>(metrics: readonly T[], page: number): T[] {
  return metrics.slice(page * METRICS_PER_PAGE, (page + 1) * METRICS_PER_PAGE);
}

function hintFor(m: FormMetric): string {
  const parts = [describeTarget(m.rule, m.target, m.unit)];
  if (m.previous)
    parts.push(
      `${m.previous.label}: ${m.previous.value === null ? 'not reported' : formatWithUnit(m.previous.value, m.unit, m.rule.decimals)}`,
    );
  if (m.rule.min !== null && m.rule.max !== null)
    parts.push(
      `allowed ${formatMetricNumber(m.rule.min, m.rule.decimals)}–${formatMetricNumber(m.rule.max, m.rule.decimals)}`,
    );
  return fitText(parts.join(' · '), LIMITS.inputHint);
}

function metricBlocks(m: FormMetric) {
  const number = {
    type: 'number_input',
    action_id: VALUE_ACTION_ID,
    is_decimal_allowed: m.rule.decimals > 0,
    ...(m.rule.min !== null ? { min_value: String(m.rule.min) } : {}),
    ...(m.rule.max !== null ? { max_value: String(m.rule.max) } : {}),
    ...(m.saved?.value != null ? { initial_value: formatNumberInput(m.saved.value, m.rule.decimals) } : {}),
  };
  const naOption = { text: plain('Not available this period'), value: NOT_AVAILABLE_OPTION };
  return [
    {
      type: 'input',
      block_id: metricBlockId(m.id, 'value'),
      optional: true,
      label: plain(fitText(`${m.name}${m.unit ? ` (${m.unit})` : ''}`, LIMITS.inputLabel)),
      hint: plain(hintFor(m)),
      element: number,
    },
    {
      type: 'input',
      block_id: metricBlockId(m.id, 'not_available'),
      optional: true,
      label: plain('Availability'),
      element: {
        type: 'checkboxes',
        action_id: NOT_AVAILABLE_ACTION_ID,
        options: [naOption],
        ...(m.saved?.notAvailable ? { initial_options: [naOption] } : {}),
      },
    },
    {
      type: 'input',
      block_id: metricBlockId(m.id, 'note'),
      optional: true,
      label: plain('Explanation'),
      hint: plain('Required when the value is off target or not available.'),
      element: {
        type: 'plain_text_input',
        action_id: NOTE_ACTION_ID,
        multiline: true,
        max_length: MAX_NOTE_LENGTH,
        ...(m.saved?.note ? { initial_value: m.saved.note } : {}),
      },
    },
    { type: 'divider' },
  ];
}

export function buildSubmissionModal(form: SubmissionForm) {
  const pages = pageCount(form.metrics.length);
  const last = form.page >= pages - 1;
  const metadata: SubmissionMetadata = { d: form.departmentId, p: form.period, pg: form.page, c: form.confirmed };
  const pageNote = pages > 1 ? ` · page ${form.page + 1} of ${pages}` : '';
  const blocks: object[] = [
    {
      type: 'section',
      text: md(
        `*${escapeMrkdwn(form.departmentName)}* — numbers for *${form.periodLabel}*, due ${form.dueLabel}${pageNote}`,
      ),
    },
    {
      type: 'context',
      elements: [
        md('Off-target values need a short explanation. Leave a value empty only if it is not available, and say why.'),
      ],
    },
    ...form.warnings.map((w) => ({ type: 'section', text: md(`:warning: ${escapeMrkdwn(w)}`) })),
    ...metricsOnPage(form.metrics, form.page).flatMap(metricBlocks),
  ];
  return {
    type: 'modal' as const,
    callback_id: SUBMISSION_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain('Submit numbers'),
    submit: plain(last ? 'Save' : 'Save & next page'),
    close: plain('Cancel'),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}

/** Slack's `view.state.values` for this modal, loosely typed as it arrives. */
const stateSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    z
      .object({
        value: z.string().nullish(),
        selected_options: z.array(z.object({ value: z.string() })).nullish(),
      })
      .loose(),
  ),
);

export interface SubmittedEntry {
  metricId: number;
  value?: string;
  note?: string;
  notAvailable: boolean;
}

/** Reads the submitted state; unknown or malformed blocks are ignored, never trusted. */
export function parseSubmissionState(values: unknown): SubmittedEntry[] {
  const parsed = stateSchema.safeParse(values);
  if (!parsed.success) return [];
  const byMetric = new Map<number, SubmittedEntry>();
  for (const [blockId, actions] of Object.entries(parsed.data)) {
    const match = /^metric_(\d+)_(value|note|not_available)$/.exec(blockId);
    if (!match) continue;
    const metricId = Number(match[1]);
    const entry = byMetric.get(metricId) ?? { metricId, notAvailable: false };
    byMetric.set(metricId, entry);
    const field = match[2] as EntryField;
    const action = actions[ACTION_OF_FIELD[field]];
    if (field === 'value') entry.value = action?.value ?? undefined;
    if (field === 'note') entry.note = action?.value ?? undefined;
    if (field === 'not_available')
      entry.notAvailable = (action?.selected_options ?? []).some((o) => o.value === NOT_AVAILABLE_OPTION);
  }
  return [...byMetric.values()];
}

/** Inline errors in Slack's `response_action: errors` shape (keyed by block id). */
export function buildSubmissionErrors(
  problems: { metricId: number; field: EntryField; message: string }[],
): Record<string, string> {
  return Object.fromEntries(problems.map((p) => [metricBlockId(p.metricId, p.field), p.message]));
}
