// A department's metrics as small multiples: one compact variance chart per metric, laid out in a
// grid by the local renderer. Chosen over a status-table image because the shape of each line is
// what a table loses; the status words stay in every panel title. QuickChart cannot draw a grid,
// so an overview is always a PNG.

import type { GridOptions } from './render-local.js';
import {
  buildVarianceChartConfig,
  type ChartJsonConfig,
  OVERVIEW_PANEL_SIZE,
  type VarianceChartInput,
} from './variance-chart-spec.js';

/** Beyond a dozen panels the image is too small to read in Slack; callers send a second image. */
export const MAX_OVERVIEW_PANELS = 12;

export function buildDepartmentOverviewConfigs(inputs: readonly VarianceChartInput[]): ChartJsonConfig[] {
  if (inputs.length > MAX_OVERVIEW_PANELS)
    throw new RangeError(`an overview holds at most ${MAX_OVERVIEW_PANELS} charts, got ${inputs.length}`);
  return inputs.map((input) => buildVarianceChartConfig({ ...input, compact: true }));
}

/** One column for one chart, two up to four, three beyond: wide enough to read, never a long strip. */
export function planOverviewGrid(panelCount: number, heading: string, pixelRatio: number): GridOptions {
  const columns = panelCount <= 1 ? 1 : panelCount <= 4 ? 2 : 3;
  return { columns, panel: { ...OVERVIEW_PANEL_SIZE }, pixelRatio, gap: 12, heading, key: true };
}
