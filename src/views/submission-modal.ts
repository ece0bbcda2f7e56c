// The "Enter numbers" modal: one number input per metric with its target and last value, a
// "not available" box and an explanation field. Big departments are split into pages; the page
// size is chosen so a full page, with every warning, fits Slack's 100-block limit.
import type { Checkboxes, KnownBlock, NumberInput, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { formatDay } from '../domain/calendar/index.js';
import { formatMetricNumber, formatNumberInput, formatWithUnit } from '../domain/number-format.js';
import { itemsOnPage, pageCount } from '../domain/submission/form-pages.js';
import { type EntryField, MAX_NOTE_LENGTH } from '../domain/submission/validate-entries.js';
import type { MetricRule } from '../domain/types.js';
import { describeTarget } from './format.js';
import { LIMITS } from './limits.js';
import { MESSAGES } from './messages.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import type { ModalView } from './slack-message.js';
import { describeSourceFailure } from './source-failure-notice.js';
import { viewStateSchema } from './view-state.js';

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

/** Blocks per metric (value, not-available, note, divider). */
const BLOCKS_PER_METRIC = 4;
/** The heading and the instructions. */
const HEAD_BLOCKS = 2;
/** Warnings share sections of up to 3,000 characters; each warning is kept under this length. */
const WARNING_CHARS = 370;
const WARNINGS_PER_SECTION = Math.floor(LIMITS.sectionText / (WARNING_CHARS + 1));
/** Sections reserved for warnings: enough for one per metric on a full page. */
const WARNING_BLOCKS = 3;
export const METRICS_PER_PAGE = Math.floor((LIMITS.viewBlocks - HEAD_BLOCKS - WARNING_BLOCKS) / BLOCKS_PER_METRIC);

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
  /** Where a pre-filled value came from, or why its source gave none (absent: typed by hand). */
  source?: FormSource | null;
}

export type FormSource =
  | { kind: 'pulled'; label: string; fetched: string }
  | { kind: 'failed'; label: string; reason: string };

export interface SubmissionForm {
  departmentId: number;
  departmentName: string;
  period: string;
  periodLabel: string;
  /** Local ISO date. */
  dueDate: string;
  metrics: FormMetric[];
  page: number;
  /** Unusual values the person has already been asked about (metric id → value). */
  confirmed: [number, number][];
  warnings: string[];
}

const metadataSchema = z.object({
  d: z.number().int(),
  p: z.string(),
  pg: z.number().int().min(0),
  c: z.array(z.tuple([z.number().int(), z.number()])).default([]),
});
type RawMetadata = z.infer<typeof metadataSchema>;

/** What the form carries between pages, in `private_metadata`. */
export interface SubmissionMetadata {
  departmentId: number;
  period: string;
  page: number;
  confirmed: [number, number][];
}

/** Reads `private_metadata`; null when it is not ours (an old or forged form). */
export function parseSubmissionMetadata(raw: string | undefined): SubmissionMetadata | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw ?? ''));
    if (!parsed.success) return null;
    return { departmentId: parsed.data.d, period: parsed.data.p, page: parsed.data.pg, confirmed: parsed.data.c };
  } catch {
    return null;
  }
}

export function formPageCount(metricCount: number): number {
  return pageCount(metricCount, METRICS_PER_PAGE);
}

function sourceHint(s: FormSource): string {
  return s.kind === 'pulled'
    ? `Pulled from ${s.label}, fetched ${s.fetched}: keep it to confirm, or change it and say why`
    : `Please type it: ${s.label} could not be used (${describeSourceFailure(s.reason)})`;
}

function hintFor(m: FormMetric): string {
  const parts = [...(m.source ? [sourceHint(m.source)] : []), describeTarget(m.rule, m.target, m.unit)];
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

function numberInput(m: FormMetric): NumberInput {
  return {
    type: 'number_input',
    action_id: VALUE_ACTION_ID,
    is_decimal_allowed: m.rule.decimals > 0,
    ...(m.rule.min !== null ? { min_value: formatNumberInput(m.rule.min) } : {}),
    ...(m.rule.max !== null ? { max_value: formatNumberInput(m.rule.max) } : {}),
    ...(m.saved?.value != null ? { initial_value: formatNumberInput(m.saved.value) } : {}),
  };
}

function metricBlocks(m: FormMetric): KnownBlock[] {
  const naOption: PlainTextOption = { text: plain('Not available this period'), value: NOT_AVAILABLE_OPTION };
  const checkboxes: Checkboxes = {
    type: 'checkboxes',
    action_id: NOT_AVAILABLE_ACTION_ID,
    options: [naOption],
    ...(m.saved?.notAvailable ? { initial_options: [naOption] } : {}),
  };
  return [
    {
      type: 'input',
      block_id: metricBlockId(m.id, 'value'),
      optional: true,
      label: plain(fitText(`${m.name}${m.unit ? ` (${m.unit})` : ''}`, LIMITS.inputLabel)),
      hint: plain(hintFor(m)),
      element: numberInput(m),
    },
    {
      type: 'input',
      block_id: metricBlockId(m.id, 'not_available'),
      optional: true,
      label: plain('Availability'),
      element: checkboxes,
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

/** Warnings grouped into sections (one per metric would not fit a full page). */
function warningBlocks(warnings: readonly string[]): KnownBlock[] {
  const lines = warnings.map((w) => `:warning: ${fitText(escapeMrkdwn(w), WARNING_CHARS - 12)}`);
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < lines.length; i += WARNINGS_PER_SECTION)
    blocks.push({ type: 'section', text: md(lines.slice(i, i + WARNINGS_PER_SECTION).join('\n')) });
  return blocks;
}

export function buildSubmissionModal(form: SubmissionForm): ModalView {
  const pages = formPageCount(form.metrics.length);
  const last = form.page >= pages - 1;
  const metadata: RawMetadata = { d: form.departmentId, p: form.period, pg: form.page, c: form.confirmed };
  const pageNote = pages > 1 ? ` · page ${form.page + 1} of ${pages}` : '';
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: md(
        `*${escapeMrkdwn(form.departmentName)}* — numbers for *${form.periodLabel}*, due ${formatDay(form.dueDate)}${pageNote}`,
      ),
    },
    {
      type: 'context',
      elements: [
        md('Off-target values need a short explanation. Leave a value empty only if it is not available, and say why.'),
      ],
    },
    ...warningBlocks(form.warnings),
    ...itemsOnPage(form.metrics, form.page, METRICS_PER_PAGE).flatMap(metricBlocks),
  ];
  // The page size above makes this unreachable; if it ever were reached, refuse loudly rather
  // than drop metrics from the form.
  if (blocks.length > LIMITS.viewBlocks)
    throw new Error(`numbers form page has ${blocks.length} blocks (limit ${LIMITS.viewBlocks})`);
  return {
    type: 'modal',
    callback_id: SUBMISSION_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain('Submit numbers'),
    submit: plain(last ? 'Save' : 'Save & next page'),
    close: plain('Cancel'),
    blocks,
  };
}

export interface SubmittedEntry {
  metricId: number;
  value?: string;
  note?: string;
  notAvailable: boolean;
}

/** Reads the submitted state; unknown or malformed blocks are ignored, never trusted. */
export function parseSubmissionState(values: unknown): SubmittedEntry[] {
  const parsed = viewStateSchema.safeParse(values);
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

/** Why a person gets no form (or a submitted page is not saved); the sentence is chosen here. */
export type FormRefusal =
  | { kind: 'unknown_department'; key: string }
  | { kind: 'not_liaison'; department: string }
  | { kind: 'not_liaison_anywhere' }
  | { kind: 'choose_department'; keys: string[] }
  | { kind: 'period_not_closed'; periodLabel: string }
  | { kind: 'period_locked'; periodLabel: string }
  | { kind: 'locked_while_open'; periodLabel: string }
  | { kind: 'no_metrics_due'; department: string; periodLabel: string }
  | { kind: 'stale_form' };

export function describeFormRefusal(r: FormRefusal): string {
  switch (r.kind) {
    case 'unknown_department':
      return MESSAGES.unknownDepartment(r.key);
    case 'not_liaison':
      return MESSAGES.notLiaison(r.department);
    case 'not_liaison_anywhere':
      return MESSAGES.notLiaisonAnywhere;
    case 'choose_department':
      return MESSAGES.chooseDepartment(r.keys);
    case 'period_not_closed':
      return MESSAGES.periodNotClosed(r.periodLabel);
    case 'period_locked':
      return MESSAGES.periodLocked(r.periodLabel);
    case 'locked_while_open':
      return MESSAGES.staleFormLocked(r.periodLabel);
    case 'no_metrics_due':
      return MESSAGES.noMetricsDue(r.department, r.periodLabel);
    case 'stale_form':
      return MESSAGES.somethingWentWrong;
  }
}
