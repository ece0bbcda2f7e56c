// Chart.js drawn on @napi-rs/canvas (a prebuilt Skia binary: no system packages, no compile step).
// Chart.js picks its DOM-free platform in Node, so it sizes itself from the canvas we hand it.
import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { Chart, type ChartItem, type Plugin, registerables } from 'chart.js';
import { describeStatus } from '../../domain/variance.js';
import { type ChartJsonConfig, STATUS_STYLE } from './variance-chart-spec.js';

export interface RenderSize {
  /** Logical size in CSS pixels: what the fonts and paddings in the config are measured against. */
  width: number;
  height: number;
  /** Output pixels per logical pixel; always explicit so a PNG never comes out blurry or huge by accident. */
  pixelRatio: number;
}

let registered = false;
function registerOnce(): void {
  if (registered) return;
  Chart.register(...registerables);
  registered = true;
}

// PNGs are transparent by default and Slack's dark mode would show black text on black.
const whiteBackground: Plugin = {
  id: 'stat_white_background',
  beforeDraw: (chart) => {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

// The one cast: Chart.js types its target as a DOM canvas context; Skia's context implements the
// same drawing API but is a different TypeScript type.
function asChartItem(ctx: SKRSContext2D): ChartItem {
  return ctx as unknown as ChartItem;
}

function checkSize(size: RenderSize): void {
  const ok = (n: number) => Number.isFinite(n) && n > 0;
  if (!ok(size.width) || !ok(size.height) || !ok(size.pixelRatio))
    throw new RangeError(`bad chart size ${JSON.stringify(size)}`);
}

/**
 * Draws one chart onto a fresh canvas of (width × pixelRatio) by (height × pixelRatio) device pixels.
 * Call `release` after reading the canvas: Chart.js's destroy() also wipes it.
 */
export function drawChart(config: ChartJsonConfig, size: RenderSize): { canvas: Canvas; release: () => void } {
  checkSize(size);
  registerOnce();
  const canvas = createCanvas(Math.round(size.width), Math.round(size.height));
  // Forced whatever the config says: a resize observer or an animation frame never comes in Node.
  const options = {
    ...config.options,
    responsive: false,
    animation: false as const,
    devicePixelRatio: size.pixelRatio,
  };
  const chart = new Chart(asChartItem(canvas.getContext('2d')), { ...config, options, plugins: [whiteBackground] });
  return { canvas, release: () => chart.destroy() };
}

export async function renderChartPng(config: ChartJsonConfig, size: RenderSize): Promise<Buffer> {
  const { canvas, release } = drawChart(config, size);
  try {
    return await canvas.encode('png');
  } finally {
    release();
  }
}

export interface GridOptions {
  columns: number;
  /** Logical size of one panel. */
  panel: { width: number; height: number };
  pixelRatio: number;
  /** Logical pixels around and between panels; without it the right-most axis labels clip. */
  gap?: number;
  heading?: string;
  /** A one-line key under the panels (compact panels have no legend of their own). */
  key?: boolean;
}

const HEADING_SIZE = 18;
const KEY_SIZE = 13;
const KEY: readonly { glyph: string; colour: string; text: string }[] = [
  { glyph: '●', colour: STATUS_STYLE.on_target.colour, text: describeStatus('on_target') },
  { glyph: '◆', colour: STATUS_STYLE.near.colour, text: describeStatus('near') },
  { glyph: '■', colour: STATUS_STYLE.off_target.colour, text: describeStatus('off_target') },
  { glyph: '○', colour: '#222222', text: 'Signal (XmR)' },
  { glyph: '- -', colour: '#0072B2', text: 'Target' },
];

function drawKey(ctx: SKRSContext2D, x: number, y: number, r: number): void {
  ctx.font = `${KEY_SIZE * r}px DejaVu Sans`;
  let at = x * r;
  for (const item of KEY) {
    ctx.fillStyle = item.colour;
    ctx.fillText(item.glyph, at, y * r);
    at += ctx.measureText(`${item.glyph} `).width;
    ctx.fillStyle = '#222222';
    ctx.fillText(item.text, at, y * r);
    at += ctx.measureText(`${item.text}    `).width;
  }
}

/** Small multiples: each config drawn on its own canvas, then copied into a grid with white gaps. */
export async function renderChartGridPng(configs: readonly ChartJsonConfig[], grid: GridOptions): Promise<Buffer> {
  if (configs.length === 0) throw new RangeError('a chart grid needs at least one chart');
  const { columns, panel, pixelRatio: r } = grid;
  const gap = grid.gap ?? 12;
  const top = grid.heading ? HEADING_SIZE + 2 * gap : gap;
  const rows = Math.ceil(configs.length / columns);
  const width = columns * panel.width + (columns + 1) * gap;
  const height = top + rows * (panel.height + gap) + (grid.key ? KEY_SIZE + gap : 0);
  checkSize({ width, height, pixelRatio: r });
  const out = createCanvas(Math.round(width * r), Math.round(height * r));
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  if (grid.heading) {
    ctx.fillStyle = '#222222';
    ctx.font = `bold ${HEADING_SIZE * r}px DejaVu Sans`;
    ctx.fillText(grid.heading, gap * r, (gap + HEADING_SIZE * 0.85) * r);
  }
  configs.forEach((config, i) => {
    const { canvas, release } = drawChart(config, { ...panel, pixelRatio: r });
    const x = gap + (i % columns) * (panel.width + gap);
    const y = top + Math.floor(i / columns) * (panel.height + gap);
    ctx.drawImage(canvas, x * r, y * r);
    release();
  });
  if (grid.key) drawKey(ctx, gap, height - gap, r);
  return out.encode('png');
}
