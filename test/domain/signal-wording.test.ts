// Wording that agrees with the numbers: each verdict's sentence, and "improvement" only when the
// move was the good way for the polarity AND the value is not on the wrong side of its target.
import { describe, expect, it } from 'vitest';
import { analyseMetric, type MetricPoint } from '../../src/domain/metric-analysis.js';
import { formatRange, meaning } from '../../src/domain/signal-wording.js';
import type { Polarity, Status } from '../../src/domain/types.js';
import type { SignalDirection } from '../../src/domain/xmr.js';

const alternate = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? b : a));
/** Monthly points from Jan 2025. */
const months = (values: (number | null)[], target: number | null): MetricPoint[] =>
  values.map((actual, i) => ({
    period: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    actual,
    target,
  }));
const analyse = (
  values: (number | null)[],
  target: number | null,
  polarity: Polarity = 'higher_is_better',
  extra = {},
) =>
  analyseMetric({
    rule: { polarity, tolerance: 0, decimals: 1 },
    unit: '',
    points: months(values, target),
    ytdAggregation: 'mean',
    ...extra,
  });

describe('meaning: polarity × direction × target', () => {
  const ctx = (polarity: Polarity, status: Status) => ({
    polarity,
    status,
    target: 95,
    unit: '%',
    decimals: 1,
    tolerance: 2,
  });
  const cases: [Polarity, SignalDirection, Status, string][] = [
    ['higher_is_better', 'favourable', 'on_target', 'an improvement'],
    ['higher_is_better', 'favourable', 'near', 'the right direction, but still below the 95.0% target'],
    ['higher_is_better', 'favourable', 'off_target', 'the right direction, but still below the 95.0% target'],
    ['higher_is_better', 'unfavourable', 'on_target', 'a deterioration, though still on target'],
    ['higher_is_better', 'unfavourable', 'off_target', 'a deterioration'],
    ['lower_is_better', 'favourable', 'on_target', 'an improvement'],
    ['lower_is_better', 'favourable', 'off_target', 'the right direction, but still above the 95.0% target'],
    ['lower_is_better', 'unfavourable', 'near', 'a deterioration'],
    ['within_band', 'neutral', 'on_target', 'outside its usual range, though inside the target band'],
    ['within_band', 'neutral', 'off_target', 'outside its usual range and outside the 95.0% ± 2.0 band'],
    ['higher_is_better', 'favourable', 'no_target', 'an improvement'],
  ];
  it.each(cases)('%s, %s, %s → %s', (polarity, direction, status, expected) => {
    expect(meaning(direction, ctx(polarity, status))).toBe(expected);
  });

  it('never calls a value on the wrong side of its target an improvement', () => {
    for (const polarity of ['higher_is_better', 'lower_is_better', 'within_band'] as const)
      for (const status of ['near', 'off_target'] as const)
        for (const direction of ['favourable', 'unfavourable', 'neutral'] as const)
          expect(meaning(direction, ctx(polarity, status))).not.toMatch(/improvement/);
  });
});

describe('the sentence for each verdict', () => {
  // Ten months alternating 10/11, then eight alternating 12/13: a shift up in Nov 2025.
  const shifted = [...alternate(10, 11, 10), ...alternate(12, 13, 8)];

  it('a recent shift: what moved, against what, since when', () => {
    expect(analyse(shifted, 12).signal).toMatchObject({
      isSignal: true,
      kind: 'shift',
      direction: 'favourable',
      text: 'Shifted up in Nov 2025: averaging 12.5 over 8 months, against 10.5 before — an improvement',
    });
    // The same move, still short of a target of 14: never an improvement.
    expect(analyse(shifted, 14).signal.text).toBe(
      'Shifted up in Nov 2025: averaging 12.5 over 8 months, against 10.5 before — the right direction, but still below the 14.0 target',
    );
    // Lower is better: the same numbers went the wrong way.
    expect(analyse(shifted, 14, 'lower_is_better').signal).toMatchObject({
      direction: 'unfavourable',
      text: 'Shifted up in Nov 2025: averaging 12.5 over 8 months, against 10.5 before — a deterioration, though still on target',
    });
  });

  it('a point beyond a limit of the current process, not of the old one', () => {
    // Current segment 12,13,…,13 (16 values before the latest, firm): X̄ 12.5, mR̄ 1 → 9.84–15.16.
    const values = [...alternate(10, 11, 10), ...alternate(12, 13, 16), 9.5];
    expect(analyse(values, 12).signal).toMatchObject({
      kind: 'outside_limits',
      direction: 'unfavourable',
      text: '9.5 in Mar 2027 is below the lower limit (9.8) of the process since it shifted up from 10.5 in Nov 2025 (average 12.5) — a deterioration',
    });
    // Judged against one set of limits over everything (X̄ 11.7) it would have been within them.
  });

  it('within normal variation, with provisional limits named as such', () => {
    // Eight values before the latest: X̄ 10.5, mR̄ 1 → 7.84–13.16, provisional.
    expect(analyse(alternate(10, 11, 9), 10).signal).toMatchObject({
      isSignal: false,
      kind: 'within_limits',
      text: 'Within normal variation: limits 7.8–13.2 from the process since Jan 2025, provisional: 8 months',
    });
  });

  it('not enough data: no limits below six values before the latest', () => {
    expect(analyse([10, 11, 10], 10).signal).toMatchObject({
      isSignal: false,
      kind: 'not_enough_data',
      text: 'Not enough data for limits: 3 months since Jan 2025, and limits need 6 before the one judged',
    });
    expect(analyse([10, 11, null], 10).signal.text).toBe('No value for Mar 2025 yet');
  });

  it('a run of 8 against the current average', () => {
    // 10/12 alternating, then 11.2/11.4: a run above the centre too small to re-baseline (see
    // process-segments.test.ts), so it is reported as a run. Limits from the 15 values before the
    // latest: X̄ = (88 + 4 × 11.2 + 3 × 11.4) / 15 = 11.13; the last 12 is above it too, so nine in a row.
    const s = analyse([...alternate(10, 12, 8), ...alternate(11.2, 11.4, 8)], 11).signal;
    expect(s).toMatchObject({ kind: 'run_one_side', direction: 'favourable' });
    expect(s.text).toBe('9 months in a row above the average (11.1) of the process since Jan 2025 — an improvement');
  });

  it('a trend, with its rate, length and start, and the latest value against its limits', () => {
    // Falling 2 a month with ±0.5 noise over 12 months; lower is better, target 5.
    const values = Array.from({ length: 12 }, (_, i) => 30 - 2 * i + (i % 2 ? 0.5 : -0.5));
    const s = analyse(values, 5, 'lower_is_better').signal;
    expect(s).toMatchObject({ kind: 'trend', direction: 'favourable', isSignal: true });
    expect(s.text).toMatch(
      /^Falling about 1\.98 a month for 12 months \(since Jan 2025\) — the right direction, still above the 5\.0 target; 8\.5 in Dec 2025 is within the trend's limits \(/,
    );
  });

  it('a pinned baseline says so', () => {
    const s = analyse(alternate(10, 11, 20), 10, 'higher_is_better', { baselineFrom: '2025-06' }).signal;
    expect(s.text).toBe(
      'Within normal variation: limits 7.8–13.2 from the process since its baseline was reset in Jun 2025, provisional: 14 months',
    );
  });

  it('a seasonal metric: against the same month in earlier years', () => {
    // Three years of a winter peak; the latest January is 3 above the last one.
    const year = [6, 5, 4, 3, 2, 1, 1, 2, 3, 4, 5, 6];
    const values = [...year, ...year.map((v) => v + 0.2), ...year.map((v, i) => v + (i % 2 ? 0.1 : 0.3)), 9.2];
    const a = analyse(values, 5, 'lower_is_better', { seasonal: true });
    expect(a.process.segments).toHaveLength(1);
    expect(a.signal.kind).toBe('seasonal_outside');
    expect(a.signal.direction).toBe('unfavourable');
    expect(a.signal.text).toMatch(
      /^9\.2 in Jan 2028 against 6\.3 in Jan 2027, 6\.2 in Jan 2026 and 6\.0 in Jan 2025 \(seasonal: compared with the same month in earlier years\); up 2\.9 on a year earlier, beyond the usual year-on-year change \(/,
    );
    expect(a.signal.text).toMatch(/— a deterioration$/);
  });

  it('formats ranges with the unit once', () => {
    expect(formatRange(78, 95.2, { unit: '%', decimals: 1 })).toBe('78.0–95.2%');
    expect(formatRange(1000, 2000, { unit: '$', decimals: 0 })).toBe('$1,000–$2,000');
    expect(formatRange(17, 30, { unit: 'outages', decimals: 0 })).toBe('17–30 outages');
  });
});
