// Local chart rendering, loaded on first use: Skia (@napi-rs/canvas) and Chart.js add ~20 MB to a
// process, which an idle bot that has not drawn a chart yet should not carry.

import type { GridOptions, RenderSize } from './draw-charts.js';
import type { ChartJsonConfig } from './variance-chart-spec.js';

export type { GridOptions, RenderSize } from './draw-charts.js';

let drawing: Promise<typeof import('./draw-charts.js')> | undefined;
const loadDrawing = () => (drawing ??= import('./draw-charts.js'));

export async function renderChartPng(config: ChartJsonConfig, size: RenderSize): Promise<Buffer> {
  return (await loadDrawing()).renderChartPng(config, size);
}

/** Small multiples: each config drawn on its own canvas, then copied into a grid with white gaps. */
export async function renderChartGridPng(configs: readonly ChartJsonConfig[], grid: GridOptions): Promise<Buffer> {
  return (await loadDrawing()).renderChartGridPng(configs, grid);
}
