// The surfaces that speak of data sources: the form's pulled/failed hints, the one-click confirm DM
// and the admin notice, each checked against Slack's Block Kit schema.
import { describe, expect, it } from 'vitest';
import { buildCollectionReminder, CONFIRM_PULLED_ACTION_ID } from '../../src/views/collection-reminder.js';
import { buildSourceFailureNotice, describeSourceFailure } from '../../src/views/source-failure-notice.js';
import { buildSubmissionModal, type FormMetric } from '../../src/views/submission-modal.js';
import { expectValidMessage, expectValidView } from '../helpers/block-kit.js';

const metric = (id: number, over: Partial<FormMetric> = {}): FormMetric => ({
  id,
  name: `Metric ${id}`,
  unit: '%',
  target: 95,
  previous: null,
  saved: null,
  rule: { polarity: 'higher_is_better', tolerance: 2, decimals: 1, min: 0, max: 100 },
  ...over,
});

describe('the numbers form with sources', () => {
  it('pre-fills a pulled value, says where it came from, and says why a failed one must be typed', () => {
    const view = buildSubmissionModal({
      departmentId: 1,
      departmentName: 'Public Works',
      period: '2026-10',
      periodLabel: 'October 2026',
      dueDate: '2026-11-06',
      page: 0,
      confirmed: [],
      warnings: [],
      metrics: [
        metric(1, {
          saved: { value: 96, notAvailable: false, note: null },
          source: { kind: 'pulled', label: 'the 311 database', fetched: 'Mon 2 Nov 06:00' },
        }),
        metric(2, { source: { kind: 'failed', label: 'the CAD database', reason: 'timeout' } }),
      ],
    });
    expectValidView(view, 'modal');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Pulled from the 311 database, fetched Mon 2 Nov 06:00');
    expect(text).toContain('"initial_value":"96"');
    expect(text).toContain('Please type it: the CAD database could not be used (it did not answer in time)');
  });
});

describe('the opening DM when every value was pulled', () => {
  const content = {
    step: 'opening' as const,
    departmentId: 1,
    departmentName: 'Public Works',
    period: '2026-10',
    periodLabel: 'October 2026',
    dueDate: '2026-11-06',
    dueWhen: 'future' as const,
    liaisonMessages: 0,
    lastLiaisonMessageLabel: null,
    nextPacket: null,
    businessDaysLate: 0,
    missingMetrics: 4,
    totalMetrics: 4,
  };
  it('offers Confirm numbers beside Review numbers, and only then', () => {
    const pulled = buildCollectionReminder({ ...content, allPulled: true });
    expectValidMessage(pulled);
    expect(JSON.stringify(pulled.blocks)).toContain(CONFIRM_PULLED_ACTION_ID);
    expect(JSON.stringify(pulled.blocks)).toContain('Review numbers');
    expect(JSON.stringify(buildCollectionReminder(content).blocks)).not.toContain(CONFIRM_PULLED_ACTION_ID);
    expect(
      JSON.stringify(buildCollectionReminder({ ...content, step: 'escalation', allPulled: true }).blocks),
    ).not.toContain(CONFIRM_PULLED_ACTION_ID);
  });
});

describe('the admin notice of a failing source', () => {
  it('lists every failed metric with its reason in plain words, paging rather than cutting', () => {
    const failures = Array.from({ length: 400 }, (_, i) => ({
      departmentKey: `D${i}`,
      metricName: `Metric number ${i} with a longish name`,
      code: 'no_row',
      detail: 'the query returned no row',
    }));
    const pages = buildSourceFailureNotice({ systemKey: 'sql:CITY_DB', periodLabel: 'October 2026', failures });
    for (const p of pages) expectValidMessage(p);
    const all = pages.map((p) => JSON.stringify(p.blocks)).join('');
    for (let i = 0; i < 400; i++) expect(all).toContain(`Metric number ${i} with`);
    expect(pages[0]!.text).toContain('sql:CITY_DB');
    expect(describeSourceFailure('no_row')).toBe('it has no value for this period');
  });
});
