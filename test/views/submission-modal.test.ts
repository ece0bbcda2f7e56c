import type { InputBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { ModalView } from '../../src/views/slack-message.js';
import {
  buildSubmissionErrors,
  buildSubmissionModal,
  type FormMetric,
  formPageCount,
  METRICS_PER_PAGE,
  metricBlockId,
  parseSubmissionState,
  type SubmissionForm,
} from '../../src/views/submission-modal.js';
import { expectValidView } from '../helpers/block-kit.js';

const metric = (id: number, over: Partial<FormMetric> = {}): FormMetric => ({
  id,
  name: `Metric ${id}`,
  unit: '%',
  target: 95,
  previous: { label: 'September 2026', value: 93.1 },
  saved: null,
  rule: { polarity: 'higher_is_better', tolerance: 2, decimals: 1, min: 0, max: 100 },
  ...over,
});
const form = (metrics: FormMetric[], page = 0): SubmissionForm => ({
  departmentId: 3,
  departmentName: 'Public <Works>',
  period: '2026-10',
  periodLabel: 'October 2026',
  dueDate: '2026-11-06',
  metrics,
  page,
  confirmed: [],
  warnings: [],
});

/** The value inputs of a form, typed: an input block whose element is a number input. */
function valueInputs(view: ModalView) {
  const isInput = (b: ModalView['blocks'][number]): b is InputBlock => b.type === 'input';
  return view.blocks
    .filter(isInput)
    .flatMap((b) => (b.element.type === 'number_input' ? [{ element: b.element, hint: b.hint }] : []));
}
/** Slack's own format for a number input's initial_value, min_value and max_value. */
const SLACK_NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;

describe('buildSubmissionModal', () => {
  it('is a valid Block Kit modal, whole and paged', () => {
    expectValidView(
      buildSubmissionModal(form([metric(1), metric(2, { saved: { value: 1, notAvailable: true, note: 'x' } })])),
      'modal',
    );
    const metrics = Array.from({ length: METRICS_PER_PAGE * 2 + 1 }, (_, i) => metric(i + 1));
    const warned = {
      ...form(metrics, 1),
      warnings: metrics.slice(0, METRICS_PER_PAGE).map((m) => `${m.name}: ${'x'.repeat(400)}`),
    };
    const view = buildSubmissionModal(warned);
    expectValidView(view, 'modal');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    // every metric of the page is on it, with every warning
    for (let i = METRICS_PER_PAGE + 1; i <= METRICS_PER_PAGE * 2; i++)
      expect(JSON.stringify(view.blocks)).toContain(`"${metricBlockId(i, 'value')}"`);
    expect(JSON.stringify(view.blocks).match(/:warning:/g)).toHaveLength(METRICS_PER_PAGE);
  });

  it('pre-fills a reopened form in the number format Slack accepts, never exponent notation', () => {
    for (const value of [99999999999999, 123456789012.5, 1e-7, -42.25, 0]) {
      const rule = { polarity: 'higher_is_better' as const, tolerance: 0, decimals: 2, min: -1e14, max: 1e14 };
      const [input] = valueInputs(
        buildSubmissionModal(form([metric(1, { rule, saved: { value, notAvailable: false, note: null } })])),
      );
      expect(input!.element.initial_value).toMatch(SLACK_NUMBER);
      expect(Number(input!.element.initial_value)).toBe(value);
      expect(input!.element.min_value).toMatch(SLACK_NUMBER);
      expect(input!.element.max_value).toMatch(SLACK_NUMBER);
    }
    // A value saved before the bound existed still reopens (Slack would refuse "1e+23").
    const [old] = valueInputs(
      buildSubmissionModal(form([metric(1, { saved: { value: 1e23, notAvailable: false, note: null } })])),
    );
    expect(old!.element.initial_value).toMatch(SLACK_NUMBER);
  });

  it('has one number input per metric with target, last value and range in the hint', () => {
    const view = buildSubmissionModal(form([metric(1), metric(2)]));
    const inputs = valueInputs(view);
    expect(inputs).toHaveLength(2);
    expect(inputs[0]!.element).toMatchObject({
      type: 'number_input',
      is_decimal_allowed: true,
      min_value: '0',
      max_value: '100',
    });
    expect(inputs[0]!.hint?.text).toBe('target ≥ 95.0% · September 2026: 93.1% · allowed 0.0–100.0');
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ d: 3, p: '2026-10', pg: 0, c: [] });
  });

  it('escapes the department name and pre-fills saved values', () => {
    const view = buildSubmissionModal(
      form([metric(1, { saved: { value: 91.5, notAvailable: false, note: 'Storm week' } })]),
    );
    expect(JSON.stringify(view.blocks[0])).toContain('Public &lt;Works&gt;');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('"initial_value":"91.5"');
    expect(json).toContain('"initial_value":"Storm week"');
  });

  it('splits a large department into pages within the 100-block limit', () => {
    const metrics = Array.from({ length: METRICS_PER_PAGE + 5 }, (_, i) => metric(i + 1));
    expect(formPageCount(metrics.length)).toBe(2);
    const first = buildSubmissionModal(form(metrics, 0));
    const second = buildSubmissionModal(form(metrics, 1));
    expect(first.blocks.length).toBeLessThanOrEqual(100);
    expect(first.submit?.text).toBe('Save & next page');
    expect(second.submit?.text).toBe('Save');
    expect(JSON.stringify(second.blocks)).toContain(metricBlockId(METRICS_PER_PAGE + 5, 'value'));
    expect(JSON.stringify(second.blocks)).not.toContain(`"${metricBlockId(1, 'value')}"`);
  });
});

describe('parseSubmissionState', () => {
  it('reads values, notes and the not-available box; ignores foreign blocks', () => {
    const state = {
      [metricBlockId(1, 'value')]: { value: { type: 'number_input', value: '93.4' } },
      [metricBlockId(1, 'note')]: { note: { type: 'plain_text_input', value: null } },
      [metricBlockId(2, 'not_available')]: {
        not_available: { type: 'checkboxes', selected_options: [{ value: 'na' }] },
      },
      [metricBlockId(2, 'note')]: { note: { type: 'plain_text_input', value: 'System outage' } },
      evil_block: { value: { value: 'x' } },
    };
    expect(parseSubmissionState(state)).toEqual([
      { metricId: 1, value: '93.4', note: undefined, notAvailable: false },
      { metricId: 2, notAvailable: true, note: 'System outage' },
    ]);
  });
  it('returns nothing for malformed state', () => {
    expect(parseSubmissionState('nope')).toEqual([]);
    expect(parseSubmissionState({ a: 5 })).toEqual([]);
  });
  it('keys errors by the block that shows them', () => {
    expect(buildSubmissionErrors([{ metricId: 4, field: 'note', message: 'Say why' }])).toEqual({
      metric_4_note: 'Say why',
    });
  });
});

describe('buildSubmissionConfirmation', async () => {
  const { buildSubmissionConfirmation } = await import('../../src/views/submission-confirmation.js');
  const row = (i: number) => ({
    name: `Metric ${i}`,
    unit: '%',
    rule: metric(1).rule,
    target: 95,
    value: 96,
    notAvailable: false,
    note: i === 1 ? '<@U123> see <!here>' : null,
    status: 'on_target' as const,
  });
  it('escapes notes and shows status in words', () => {
    const [page] = buildSubmissionConfirmation({
      departmentId: 1,
      departmentName: 'Public Works',
      period: '2026-10',
      periodLabel: 'October 2026',
      rows: [row(1)],
      missing: [],
      revised: false,
    });
    const json = JSON.stringify(page!.blocks);
    expect(json).toContain('&lt;@U123&gt; see &lt;!here&gt;');
    expect(json).toContain('On target');
  });
  it('pages a very large department instead of cutting it', () => {
    const pages = buildSubmissionConfirmation({
      departmentId: 1,
      departmentName: 'Big',
      period: '2026-10',
      periodLabel: 'October 2026',
      rows: Array.from({ length: 120 }, (_, i) => row(i + 2)),
      missing: [],
      revised: false,
    });
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.every((p) => p.blocks.length <= 50)).toBe(true);
    const all = pages.map((p) => JSON.stringify(p.blocks)).join();
    for (let i = 2; i < 122; i++) expect(all).toContain(`*Metric ${i}*`);
  });
});
