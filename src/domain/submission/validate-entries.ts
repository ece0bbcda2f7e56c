// The rules a submitted value must meet before it is saved. Returns inline errors per field
// (Slack shows them under the input) and the values that need a second look.

import type { MetricRule } from '../types.js';
import { classifyStatus } from '../variance.js';
import { parseMetricNumber } from './parse-number.js';
import { describeUnusual } from './plausibility.js';

export const MAX_NOTE_LENGTH = 3000;

export interface EntryInput {
  metricId: number;
  rule: MetricRule;
  unit: string;
  target: number | null;
  raw: { value?: string; note?: string; notAvailable: boolean };
  /** Natural process limits of the metric's own history, if there is enough of it. */
  usualRange: { lower: number; upper: number } | null;
  /** The last value reported before this period, if any. */
  lastValue: number | null;
}

export interface ValidEntry {
  metricId: number;
  value: number | null;
  notAvailable: boolean;
  note: string | null;
}

export type EntryField = 'value' | 'note' | 'not_available';

export interface EntryProblem {
  metricId: number;
  field: EntryField;
  message: string;
}

export interface EntriesResult {
  entries: ValidEntry[];
  errors: EntryProblem[];
  /** Values far outside the usual range: accepted only once the person confirms them. */
  unusual: { metricId: number; value: number; message: string }[];
}

export function validateEntries(inputs: readonly EntryInput[], confirmed: ReadonlyMap<number, number>): EntriesResult {
  const result: EntriesResult = { entries: [], errors: [], unusual: [] };
  for (const input of inputs) {
    const problem = (field: EntryField, message: string) =>
      result.errors.push({ metricId: input.metricId, field, message });
    const note = input.raw.note?.trim() || null;
    const valueText = input.raw.value?.trim() ?? '';
    if (note && note.length > MAX_NOTE_LENGTH) {
      problem(
        'note',
        `Keep the note under ${MAX_NOTE_LENGTH.toLocaleString('en-US')} characters (it has ${note.length.toLocaleString('en-US')})`,
      );
      continue;
    }
    if (input.raw.notAvailable) {
      if (valueText) problem('value', 'Leave the value empty when it is marked not available');
      else if (!note) problem('note', 'Say why this value is not available');
      else result.entries.push({ metricId: input.metricId, value: null, notAvailable: true, note });
      continue;
    }
    if (!valueText) {
      problem('value', 'Enter a value, or tick "Not available" and give a reason');
      continue;
    }
    const parsed = parseMetricNumber(valueText, input.rule);
    if (!parsed.ok) {
      problem('value', parsed.message);
      continue;
    }
    if (classifyStatus(parsed.value, input.target, input.rule) === 'off_target' && !note) {
      problem('note', 'This value is off target: add a short explanation (what happened, what is being done)');
      continue;
    }
    const odd = describeUnusual(parsed.value, {
      unit: input.unit,
      decimals: input.rule.decimals,
      min: input.rule.min,
      max: input.rule.max,
      target: input.target,
      usualRange: input.usualRange,
      lastValue: input.lastValue,
    });
    if (odd && confirmed.get(input.metricId) !== parsed.value)
      result.unusual.push({ metricId: input.metricId, value: parsed.value, message: odd });
    result.entries.push({ metricId: input.metricId, value: parsed.value, notAvailable: false, note });
  }
  return result;
}
