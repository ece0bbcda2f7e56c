// The sentence a chair reads about a metric's latest period. Each one says what moved, against
// what, and since when; "improvement" and "deterioration" follow the metric's polarity, and a
// value on the wrong side of its target is never called an improvement (see `meaning`).
import { MONTH_NAMES, parsePeriodKey } from './calendar/periods.js';
import { formatMetricNumber, formatWithUnit } from './number-format.js';
import type { ProcessAnalysis } from './process-behaviour.js';
import { bandAt, MIN_LIMIT_POINTS } from './process-segments.js';
import type { Frequency, PeriodKey, Polarity, Status } from './types.js';
import type { SignalDirection } from './xmr.js';

export interface WordingContext {
  polarity: Polarity;
  unit: string;
  decimals: number;
  frequency: Frequency;
  tolerance: number;
  /** Every period of the series, parallel to the values. */
  periods: readonly PeriodKey[];
  values: readonly (number | null)[];
  target: number | null;
  status: Status;
}

/** "Feb 2026" or "Q3 2026": the "since when" of every sentence. */
export function shortPeriodLabel(period: PeriodKey): string {
  const p = parsePeriodKey(period);
  if (p.frequency === 'weekly') return `week ${p.index} of ${p.year}`;
  return p.frequency === 'monthly' ? `${MONTH_NAMES[p.index - 1]?.slice(0, 3)} ${p.year}` : `Q${p.index} ${p.year}`;
}

const NOUN: Record<Frequency, string> = { monthly: 'month', quarterly: 'quarter', weekly: 'week' };
const noun = (f: Frequency, n: number) => `${NOUN[f]}${n === 1 ? '' : 's'}`;

/** A rate of change: "1.6 points" for percentages, "$2,000", "3 days". */
function amount(n: number, c: WordingContext, extraDecimals = 0): string {
  const d = c.decimals + extraDecimals;
  if (c.unit === '%') return `${formatMetricNumber(n, d)} points`;
  return formatWithUnit(n, c.unit, d);
}

const value = (n: number, c: Pick<WordingContext, 'unit' | 'decimals'>) => formatWithUnit(n, c.unit, c.decimals);

/** "78.0–95.2%", "$186,348–$304,340", "17–30 outages": the unit once, where it reads naturally. */
export function formatRange(lo: number, hi: number, c: Pick<WordingContext, 'unit' | 'decimals'>): string {
  const n = (x: number) => formatMetricNumber(x, c.decimals);
  if (c.unit === '$') return `$${n(lo)}–$${n(hi)}`;
  if (c.unit === '%') return `${n(lo)}–${n(hi)}%`;
  return c.unit ? `${n(lo)}–${n(hi)} ${c.unit}` : `${n(lo)}–${n(hi)}`;
}

type TargetContext = Pick<WordingContext, 'status' | 'target' | 'polarity' | 'unit' | 'decimals' | 'tolerance'>;

function targetSide(c: TargetContext): string {
  if (c.polarity === 'higher_is_better') return 'below';
  if (c.polarity === 'lower_is_better') return 'above';
  return 'outside';
}

function targetText(c: TargetContext): string {
  if (c.target === null) return 'target';
  if (c.polarity === 'within_band')
    return `${value(c.target, c)} ± ${formatMetricNumber(c.tolerance, c.decimals)} band`;
  return `${value(c.target, c)} target`;
}

/**
 * What the move means for this metric now. Good direction AND on target (or no target to miss):
 * an improvement. Good direction but still short of the target: never an improvement.
 */
export function meaning(direction: SignalDirection | null, c: TargetContext): string {
  const onTarget = c.status === 'on_target' || c.status === 'no_target';
  if (direction === 'favourable')
    return onTarget ? 'an improvement' : `the right direction, but still ${targetSide(c)} the ${targetText(c)}`;
  if (direction === 'unfavourable')
    return c.status === 'on_target' ? 'a deterioration, though still on target' : 'a deterioration';
  if (c.status === 'on_target') return 'outside its usual range, though inside the target band';
  return `outside its usual range and ${targetSide(c)} the ${targetText(c)}`;
}

function trendDirectionWords(direction: SignalDirection | null, c: WordingContext): string {
  if (direction === 'favourable')
    return c.status === 'on_target' || c.status === 'no_target'
      ? 'the right direction'
      : `the right direction, still ${targetSide(c)} the ${targetText(c)}`;
  if (direction === 'unfavourable')
    return c.status === 'on_target' ? 'the wrong direction, still on target' : 'the wrong direction';
  return 'watch it against the band';
}

/** The sentence for the latest period's verdict. */
export function describeVerdict(a: ProcessAnalysis, c: WordingContext): string {
  const last = c.values.length - 1;
  const latest = c.values[last] ?? null;
  const period = c.periods[last];
  const seg = a.current;
  const since = seg ? shortPeriodLabel(c.periods[seg.start] ?? '') : '';
  const v = a.verdict;
  const periodLabel = period ? shortPeriodLabel(period) : 'the latest period';
  switch (v.kind) {
    case 'no_value':
      return `No value for ${periodLabel} yet`;
    case 'not_enough_data':
      return notEnoughData(a, c);
    case 'seasonal_within':
    case 'seasonal_outside':
      return seasonalSentence(a, c);
  }
  if (latest === null || !seg) return `No value for ${periodLabel} yet`;
  const band = bandAt(seg, last);
  const provisional =
    seg.quality === 'provisional' ? `, provisional: ${seg.count} ${noun(c.frequency, seg.count)}` : '';
  const sinceProcess = processSince(a, c);
  switch (v.kind) {
    case 'outside_limits': {
      const up = band !== null && latest > band.upper;
      const edge = up ? 'upper' : 'lower';
      const limit = up ? band?.upper : band?.lower;
      const against = seg.trend
        ? `the ${edge} limit (${value(limit ?? 0, c)}) of the trend since ${since}`
        : `the ${edge} limit (${value(limit ?? 0, c)}) of the process ${sinceProcess} (average ${value(seg.limits?.centre ?? 0, c)}${provisional})`;
      return `${value(latest, c)} in ${periodLabel} is ${up ? 'above' : 'below'} ${against} — ${meaning(v.direction, c)}`;
    }
    case 'shift': {
      const before = a.previous?.average ?? 0;
      const after = seg.average ?? 0;
      const n = seg.end - seg.start;
      const limitsNote =
        seg.quality === 'none' ? `; new limits need ${MIN_LIMIT_POINTS} earlier ${noun(c.frequency, 2)}` : '';
      return `Shifted ${after > before ? 'up' : 'down'} in ${since}: averaging ${value(after, c)} over ${n} ${noun(c.frequency, n)}, against ${value(before, c)} before${limitsNote} — ${meaning(v.direction, c)}`;
    }
    case 'run_one_side': {
      const p = a.points[last];
      const n = p?.sideRun ?? 0;
      return `${n} ${noun(c.frequency, n)} in a row ${p?.side} the average (${value(band?.centre ?? 0, c)}) of the process ${sinceProcess} — ${meaning(v.direction, c)}`;
    }
    case 'trend': {
      const t = seg.trend;
      const slope = Math.abs(t?.slope ?? 0);
      const n = seg.end - seg.start;
      const within = band
        ? `; ${value(latest, c)} in ${periodLabel} is within the trend's limits (${formatRange(band.lower, band.upper, c)})`
        : '';
      return `${(t?.slope ?? 0) > 0 ? 'Rising' : 'Falling'} about ${amount(slope, c, 1)} a ${noun(c.frequency, 1)} for ${n} ${noun(c.frequency, n)} (since ${since}) — ${trendDirectionWords(v.direction, c)}${within}`;
    }
    case 'trend_run': {
      const p = a.points[last];
      const n = p?.slopeRun ?? 0;
      return `${n} ${noun(c.frequency, n)} in a row ${p?.slope}, to ${value(latest, c)} in ${periodLabel} — ${meaning(v.direction, c)}`;
    }
    default:
      if (!band) return notEnoughData(a, c);
      if (band.collapsed) return `No variation since ${since} (every value ${value(band.centre, c)}), so no limits`;
      return `Within normal variation: limits ${formatRange(band.lower, band.upper, c)} from the process ${sinceProcess}${provisional}`;
  }
}

/**
 * "since Feb 2026", "since it shifted up from 83.9% in Feb 2026" or "since its baseline was reset
 * in Mar 2026" (an admin's `baseline_from`): a re-baselined process says why its limits start there.
 */
function processSince(a: ProcessAnalysis, c: WordingContext): string {
  const seg = a.current;
  if (!seg) return '';
  const since = shortPeriodLabel(c.periods[seg.start] ?? '');
  if (seg.startedBy === 'pinned') return `since its baseline was reset in ${since}`;
  const before = a.previous?.average ?? null;
  if ((seg.startedBy === 'run' || seg.startedBy === 'step') && before !== null && seg.average !== null)
    return `since it shifted ${seg.average > before ? 'up' : 'down'} from ${value(before, c)} in ${since}`;
  return `since ${since}`;
}

function notEnoughData(a: ProcessAnalysis, c: WordingContext): string {
  const seg = a.current;
  const n = seg ? seg.end - seg.start : 0;
  const since = seg ? shortPeriodLabel(c.periods[seg.start] ?? '') : '';
  if (a.seasonal)
    return `Not enough history for a same-${noun(c.frequency, 1)} comparison yet (needs ${MIN_LIMIT_POINTS} year-on-year changes)`;
  return `Not enough data for limits: ${n} ${noun(c.frequency, n)} since ${since}, and limits need ${MIN_LIMIT_POINTS} before the one judged`;
}

function seasonalSentence(a: ProcessAnalysis, c: WordingContext): string {
  const s = a.seasonal;
  const last = c.values.length - 1;
  const latest = c.values[last];
  if (!s || latest === null || latest === undefined)
    return `No value for ${shortPeriodLabel(c.periods[last] ?? '')} yet`;
  const earlier = s.earlier
    .filter((e) => e.value !== null)
    .slice(0, 3)
    .map((e) => `${formatMetricNumber(e.value ?? 0, c.decimals)} in ${shortPeriodLabel(c.periods[e.index] ?? '')}`);
  const list = earlier.length > 1 ? `${earlier.slice(0, -1).join(', ')} and ${earlier.at(-1)}` : (earlier[0] ?? '');
  const same = `same ${noun(c.frequency, 1)} in earlier years`;
  const head = `${value(latest, c)} in ${shortPeriodLabel(c.periods[last] ?? '')} against ${list || 'no earlier values'} (seasonal: compared with the ${same})`;
  if (s.change === null || !s.limits) return head;
  const sign = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatMetricNumber(Math.abs(n), c.decimals)}`;
  const change = `${s.change >= 0 ? 'up' : 'down'} ${formatMetricNumber(Math.abs(s.change), c.decimals)} on a year earlier`;
  const range = `${sign(s.limits.lower)} to ${sign(s.limits.upper)}`;
  if (a.verdict.kind === 'seasonal_outside')
    return `${head}; ${change}, beyond the usual year-on-year change (${range}) — ${meaning(a.verdict.direction, c)}`;
  return `${head}; ${change}, within the usual year-on-year change (${range})`;
}
