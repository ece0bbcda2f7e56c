// A metric's history read the way an analyst reads an XmR chart: split into process segments
// (./process-segments.ts), each value judged against the segment it belongs to, and one verdict
// about the latest period: the fact the wording in ./signal-wording.ts turns into a sentence.
import { bandAt, findProcessSegments, MIN_LIMIT_POINTS, type ProcessSegment } from './process-segments.js';
import type { Frequency, Polarity } from './types.js';
import {
  annotatePoints,
  computeXmrLimits,
  directionOfMove,
  type SignalDirection,
  type XmrBand,
  type XmrLimits,
  type XmrPoint,
  type XmrRule,
} from './xmr.js';

export type VerdictKind =
  | 'no_value'
  | 'not_enough_data'
  | 'within_limits'
  | 'outside_limits'
  | 'shift'
  | 'run_one_side'
  | 'trend'
  | 'trend_run'
  | 'seasonal_within'
  | 'seasonal_outside';

export interface ProcessVerdict {
  kind: VerdictKind;
  /** Whether the verdict is a signal worth a word in the meeting (a trend counts). */
  isSignal: boolean;
  direction: SignalDirection | null;
  /** The XmR rule behind a point signal, if any. */
  rule: XmrRule | null;
}

/** Same period in earlier years, for metrics flagged `seasonal`. */
export interface SeasonalComparison {
  /** 12 for monthly, 4 for quarterly. */
  lag: number;
  /** Earlier years' values at the latest period's position, most recent first (null: no value). */
  earlier: { index: number; value: number | null }[];
  /** Latest value minus the one a year earlier; null when either is missing. */
  change: number | null;
  /** Limits of the year-on-year changes (needs MIN_LIMIT_POINTS changes). */
  limits: XmrLimits | null;
}

export interface ProcessAnalysis {
  segments: ProcessSegment[];
  /** Parallel to the values; for seasonal metrics the rules judge the year-on-year changes. */
  points: XmrPoint[];
  /** The segment holding the latest position. */
  current: ProcessSegment | null;
  /** The segment before the current one (for "shifted from … to …"). */
  previous: ProcessSegment | null;
  seasonal: SeasonalComparison | null;
  verdict: ProcessVerdict;
}

export interface ProcessOptions {
  polarity: Polarity;
  frequency: Frequency;
  seasonal?: boolean;
  /** Position of an admin's `baseline_from` in the series. */
  pinnedStart?: number | null;
}

const verdict = (
  kind: VerdictKind,
  isSignal = false,
  direction: SignalDirection | null = null,
  rule: XmrRule | null = null,
): ProcessVerdict => ({ kind, isSignal, direction, rule });

function annotateSegments(
  values: readonly (number | null)[],
  segments: ProcessSegment[],
  polarity: Polarity,
): XmrPoint[] {
  return segments.flatMap((seg) =>
    annotatePoints(values.slice(seg.start, seg.end), (i) => bandAt(seg, seg.start + i), polarity, {
      trendRule: seg.trend === null,
    }),
  );
}

function yearOnYear(values: readonly (number | null)[], lag: number): (number | null)[] {
  return values.map((v, i) => {
    const before = i >= lag ? values[i - lag] : null;
    return v === null || before === null || before === undefined ? null : v - before;
  });
}

function seasonalAnalysis(values: readonly (number | null)[], options: ProcessOptions) {
  const lag = options.frequency === 'quarterly' ? 4 : options.frequency === 'weekly' ? 52 : 12;
  const changes = yearOnYear(values, lag);
  const count = changes.filter((c) => c !== null).length;
  const limits = count >= MIN_LIMIT_POINTS ? computeXmrLimits(changes) : null;
  const band: XmrBand | null = limits;
  const points = annotatePoints(changes, () => band, options.polarity, { trendRule: false });
  const last = values.length - 1;
  const earlier = [];
  for (let i = last - lag; i >= 0; i -= lag) earlier.push({ index: i, value: values[i] ?? null });
  const comparison: SeasonalComparison = { lag, earlier, change: changes[last] ?? null, limits };
  return { points, comparison };
}

function seasonalVerdict(values: readonly (number | null)[], s: SeasonalComparison, point: XmrPoint | undefined) {
  if (values[values.length - 1] === null) return verdict('no_value');
  if (s.change === null || !s.limits) return verdict('not_enough_data');
  if (point?.rules.includes('outside_limits'))
    return verdict('seasonal_outside', true, point.direction, 'outside_limits');
  return verdict('seasonal_within');
}

function latestVerdict(
  point: XmrPoint | undefined,
  current: ProcessSegment | null,
  previous: ProcessSegment | null,
  polarity: Polarity,
): ProcessVerdict {
  if (!point || point.value === null || !current) return verdict('no_value');
  if (point.rules.includes('outside_limits')) return verdict('outside_limits', true, point.direction, 'outside_limits');
  const recentShift =
    (current.startedBy === 'run' || current.startedBy === 'step') && current.quality !== 'firm' && previous;
  if (recentShift && current.average !== null && previous.average !== null)
    return verdict('shift', true, directionOfMove(current.average > previous.average, polarity));
  if (!current.limits) return verdict('not_enough_data');
  if (point.rules.includes('run_one_side')) return verdict('run_one_side', true, point.direction, 'run_one_side');
  if (current.trend) {
    const up = current.trend.slope > 0;
    return verdict('trend', true, directionOfMove(up, polarity));
  }
  if (point.rules.includes('trend_run')) return verdict('trend_run', true, point.direction, 'trend_run');
  return verdict('within_limits');
}

/** Segments, per-point rules and the latest verdict for a series (oldest first, gaps as null). */
export function analyseProcess(values: readonly (number | null)[], options: ProcessOptions): ProcessAnalysis {
  const segments = findProcessSegments(values, {
    pinnedStart: options.pinnedStart ?? null,
    detect: !options.seasonal,
  });
  const current = segments[segments.length - 1] ?? null;
  const previous = segments[segments.length - 2] ?? null;
  if (options.seasonal) {
    const { points, comparison } = seasonalAnalysis(values, options);
    const v = seasonalVerdict(values, comparison, points[points.length - 1]);
    return { segments, points, current, previous, seasonal: comparison, verdict: v };
  }
  const points = annotateSegments(values, segments, options.polarity);
  const v = latestVerdict(points[points.length - 1], current, previous, options.polarity);
  return { segments, points, current, previous, seasonal: null, verdict: v };
}
