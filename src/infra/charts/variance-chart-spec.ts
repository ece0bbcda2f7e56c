// One metric's variance chart as a plain-JSON Chart.js v4 config: no functions anywhere, so the
// same object feeds the local renderer and a QuickChart server. Every "trick" below exists because
// a function (legend filter, segment style, tick callback) is not allowed.
import type { ChartConfiguration, ChartDataset, ChartTypeRegistry } from 'chart.js';
import { formatMetricNumber, formatWithUnit } from '../../domain/number-format.js';
import type { Polarity, Status } from '../../domain/types.js';
import { describePolarity, describeStatus } from '../../domain/variance.js';
import { wrapText } from './chart-text.js';

export type ChartDatum = number | [number, number] | { x: string; y: number | null } | null;
export type ChartJsonConfig = ChartConfiguration<'line' | 'bar', ChartDatum[], string>;

export interface VarianceChartPoint {
  label: string;
  actual: number | null;
  target: number | null;
  status: Status;
  signal: boolean;
  /** Seasonal metrics: the same period a year earlier. */
  yearEarlier?: number | null;
}

/** One process segment's centre line and limits, between two point positions (inclusive); sloped for a trend. */
export interface ChartSegment {
  from: number;
  to: number;
  centre: [number, number];
  lower: [number, number];
  upper: [number, number];
  trend: boolean;
  provisional: boolean;
}

export interface VarianceChartInput {
  title: string;
  unit: string;
  decimals: number;
  polarity: Polarity;
  tolerance: number;
  /** Oldest first; only the most recent MAX_CHART_POINTS are drawn. */
  points: readonly VarianceChartPoint[];
  /** Each segment's own centre line and limits; none are drawn across a change point. */
  segments?: readonly ChartSegment[];
  /** Positions (in `points`) where a new process segment starts: a dashed vertical marker each. */
  changePoints?: readonly number[];
  /** Named in the title when the current process is a trend, e.g. "rising trend". */
  trendLabel?: string;
  /** Second line under the title, e.g. the XmR sentence; default: latest value against target. */
  note?: string;
  /** Small-multiple panel: smaller fonts, no legend, no subtitle. */
  compact?: boolean;
}

export const MAX_CHART_POINTS = 24;

/** Okabe–Ito colours (safe for the common colour-vision deficiencies), each status with its own shape too. */
export const STATUS_STYLE: Record<Status, { colour: string; shape: 'circle' | 'rectRot' | 'rect' | 'triangle' }> = {
  on_target: { colour: '#009E73', shape: 'circle' },
  near: { colour: '#E69F00', shape: 'rectRot' },
  off_target: { colour: '#D55E00', shape: 'rect' },
  no_target: { colour: '#7F7F7F', shape: 'triangle' },
  no_data: { colour: '#7F7F7F', shape: 'triangle' },
};
const INK = '#222';
const TARGET = '#0072B2';
// Opaque: adjacent translucent bars overlap by a hairline and show seams.
const BAND = '#DCEAF4';
const LIMITS = '#9A9A9A';
const CHANGE = '#CC79A7';
const EARLIER = '#56B4E9';

/** The logical size the fonts and line wrapping are tuned for: ~0.75 scale in a 360 px Slack thumbnail. */
export const VARIANCE_CHART_SIZE = { width: 480, height: 300 } as const;
export const OVERVIEW_PANEL_SIZE = { width: 320, height: 200 } as const;

type Dataset = ChartDataset<'line' | 'bar', ChartDatum[]>;
type LineStyle = Partial<ChartTypeRegistry['line']['datasetOptions']>;
const line = (label: string, data: ChartDatum[], style: LineStyle): Dataset => ({
  type: 'line',
  label,
  data,
  ...style,
});

function statusDatasets(points: readonly VarianceChartPoint[], compact: boolean): Dataset[] {
  const order: Status[] = ['on_target', 'near', 'off_target', 'no_target'];
  return order
    .filter((s) => points.some((p) => p.status === s && p.actual !== null))
    .map((s) =>
      line(
        describeStatus(s),
        points.map((p) => (p.status === s ? p.actual : null)),
        {
          showLine: false,
          pointStyle: STATUS_STYLE[s].shape,
          pointRadius: compact ? 4 : 5.5,
          pointBackgroundColor: STATUS_STYLE[s].colour,
          pointBorderColor: STATUS_STYLE[s].colour,
          backgroundColor: STATUS_STYLE[s].colour,
          borderColor: STATUS_STYLE[s].colour,
        },
      ),
    );
}

/** An open ring drawn over the status marker, so a signal shows whatever the status colour. */
function signalDataset(points: readonly VarianceChartPoint[], compact: boolean): Dataset | null {
  if (!points.some((p) => p.signal && p.actual !== null)) return null;
  return line(
    'Signal (XmR)',
    points.map((p) => (p.signal ? p.actual : null)),
    {
      showLine: false,
      pointStyle: 'circle',
      pointRadius: compact ? 7 : 9,
      pointBorderWidth: 2,
      pointBorderColor: INK,
      pointBackgroundColor: 'rgba(0, 0, 0, 0)',
      borderColor: INK,
      backgroundColor: 'rgba(0, 0, 0, 0)',
    },
  );
}

/** The tolerance zone as floating bars, one per period, so it sits exactly under each target. */
function bandDataset(input: VarianceChartInput, points: readonly VarianceChartPoint[]): Dataset | null {
  const tol = input.tolerance;
  if (tol <= 0 || points.every((p) => p.target === null)) return null;
  const span = (t: number): [number, number] =>
    input.polarity === 'higher_is_better'
      ? [t - tol, t]
      : input.polarity === 'lower_is_better'
        ? [t, t + tol]
        : [t - tol, t + tol];
  const label =
    input.polarity === 'within_band' ? `Target band ±${formatMetricNumber(tol, input.decimals)}` : 'Near-target zone';
  const data = points.map((p) => (p.target === null ? null : span(p.target)));
  return {
    type: 'bar',
    label,
    data,
    backgroundColor: BAND,
    borderWidth: 0,
    inflateAmount: 1,
    grouped: false,
    categoryPercentage: 1,
    barPercentage: 1,
  };
}

/**
 * Every segment's centre and limits in one dataset (one legend entry): each line is just its two end
 * points, and a y: null point between lines lifts the pen, so no line crosses a change point. x
 * must be a label: a category scale reads a number as "this point's position in the array".
 */
function limitsDataset(input: VarianceChartInput, labels: string[]): Dataset | null {
  const segments = (input.segments ?? []).filter((s) => labels[s.from] !== undefined && labels[s.to] !== undefined);
  if (segments.length === 0) return null;
  const round = (y: number) => Number(y.toFixed(input.decimals + 2)); // keeps QuickChart URLs short
  const data: ChartDatum[] = [];
  for (const s of segments) {
    const a = labels[s.from] ?? '';
    const b = labels[s.to] ?? '';
    for (const [y0, y1] of [s.upper, s.centre, s.lower]) {
      if (data.length) data.push({ x: a, y: null });
      data.push({ x: a, y: round(y0) }, { x: b, y: round(y1) });
    }
  }
  const trend = segments.some((s) => s.trend);
  const label = trend ? 'Average or trend line, and process limits' : 'Average and process limits';
  return line(label, data, {
    borderColor: LIMITS,
    borderWidth: 1,
    borderDash: [2, 3],
    pointRadius: 0,
    spanGaps: false,
    pointStyle: 'line',
  });
}

/** A vertical dashed line at each change point, from the lowest to the highest value drawn. */
function changeDataset(
  input: VarianceChartInput,
  points: readonly VarianceChartPoint[],
  labels: string[],
): Dataset | null {
  const at = (input.changePoints ?? []).filter((i) => labels[i] !== undefined);
  const ys = points.flatMap((p) => [p.actual, p.target]).filter((y): y is number => y !== null);
  for (const s of input.segments ?? []) ys.push(...s.lower, ...s.upper);
  if (at.length === 0 || ys.length === 0) return null;
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const data: ChartDatum[] = [];
  for (const i of at) {
    if (data.length) data.push({ x: labels[i] ?? '', y: null });
    data.push({ x: labels[i] ?? '', y: lo }, { x: labels[i] ?? '', y: hi });
  }
  const when = at.map((i) => labels[i]).join(', ');
  return line(`Process changed (${when})`, data, {
    borderColor: CHANGE,
    backgroundColor: CHANGE,
    borderWidth: 2,
    borderDash: [6, 3],
    pointRadius: 0,
    pointStyle: 'line',
    spanGaps: false,
  });
}

function yearEarlierDataset(points: readonly VarianceChartPoint[]): Dataset | null {
  if (!points.some((p) => p.yearEarlier !== undefined && p.yearEarlier !== null)) return null;
  return line(
    'Same period a year earlier',
    points.map((p) => p.yearEarlier ?? null),
    {
      borderColor: EARLIER,
      backgroundColor: EARLIER,
      borderWidth: 2,
      borderDash: [1, 3],
      pointRadius: 0,
      pointStyle: 'line',
    },
  );
}

function describeLatest(input: VarianceChartInput, latest: VarianceChartPoint | undefined): string {
  if (!latest || latest.actual === null) return `${latest?.label ?? 'Latest period'}: no data`;
  const value = formatWithUnit(latest.actual, input.unit, input.decimals);
  const target =
    latest.target === null ? 'no target' : `target ${formatWithUnit(latest.target, input.unit, input.decimals)}`;
  return `${latest.label}: ${value} vs ${target} (${describePolarity(input.polarity)})`;
}

/** The last MAX_CHART_POINTS points, with segment and change-point positions moved to match. */
function lastPoints(input: VarianceChartInput): VarianceChartInput {
  const offset = Math.max(0, input.points.length - MAX_CHART_POINTS);
  if (offset === 0) return input;
  return {
    ...input,
    points: input.points.slice(offset),
    segments: (input.segments ?? [])
      .filter((s) => s.to >= offset)
      .map((s) => ({ ...s, from: Math.max(0, s.from - offset), to: s.to - offset })),
    changePoints: (input.changePoints ?? []).map((i) => i - offset).filter((i) => i > 0),
  };
}

export function buildVarianceChartConfig(full: VarianceChartInput): ChartJsonConfig {
  const input = lastPoints(full);
  const points = input.points;
  const labels = points.map((p) => p.label);
  const latest = points[points.length - 1];
  const compact = input.compact ?? false;
  const datasets: Dataset[] = [
    ...statusDatasets(points, compact),
    signalDataset(points, compact),
    line(
      'Actual',
      points.map((p) => p.actual),
      { borderColor: INK, backgroundColor: INK, borderWidth: 2, pointRadius: 0, pointStyle: 'line', spanGaps: false },
    ),
    line(
      'Target',
      points.map((p) => p.target),
      {
        borderColor: TARGET,
        backgroundColor: TARGET,
        borderWidth: 2,
        borderDash: [6, 4],
        pointRadius: 0,
        pointStyle: 'line',
        stepped: 'middle',
      },
    ),
    yearEarlierDataset(points),
    limitsDataset(input, labels),
    changeDataset(input, points, labels),
    bandDataset(input, points),
  ].filter((d): d is Dataset => d !== null);
  const status = describeStatus(latest?.status ?? 'no_data');
  const size = compact ? { title: 13, text: 10, wrap: 36 } : { title: 17, text: 13, wrap: 42 };
  const subtitle = input.note ?? describeLatest(input, latest);
  return {
    type: 'line',
    data: { labels, datasets },
    options: {
      responsive: false,
      animation: false,
      layout: { padding: { top: 4, right: 14, bottom: 4, left: 6 } },
      plugins: {
        title: {
          display: true,
          text: wrapText(`${input.title} — ${status}${input.trendLabel ? ` · ${input.trendLabel}` : ''}`, size.wrap),
          color: INK,
          font: { size: size.title, weight: 'bold' },
          padding: { top: 4, bottom: 2 },
        },
        subtitle: {
          display: !compact,
          text: wrapText(subtitle, 66),
          color: '#444',
          font: { size: size.text },
          padding: { bottom: 10 },
        },
        legend: {
          display: !compact,
          position: 'bottom',
          labels: { usePointStyle: true, boxHeight: 8, padding: 10, color: INK, font: { size: size.text - 1 } },
        },
      },
      scales: {
        x: {
          offset: true,
          grid: { display: false },
          ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 10, color: INK, font: { size: size.text } },
        },
        y: {
          beginAtZero: false,
          grace: '8%',
          title: { display: input.unit !== '' && !compact, text: input.unit, color: INK, font: { size: size.text } },
          ticks: { color: INK, maxTicksLimit: compact ? 4 : 6, font: { size: size.text } },
        },
      },
    },
  };
}
