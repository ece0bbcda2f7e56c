// What a packet or agenda service calls: one chart config in, something Slack can show out.
import { buildDepartmentOverviewConfigs, planOverviewGrid } from './overview-chart-spec.js';
import { type RenderSize, renderChartGridPng, renderChartPng } from './render-local.js';
import { buildQuickChartUrl, fitsSlackImageUrl } from './render-quickchart.js';
import type { ChartJsonConfig, VarianceChartInput } from './variance-chart-spec.js';

export type ChartRenderer = 'local' | 'quickchart';

/** A PNG to upload with files.uploadV2, or a URL for an image block's image_url. */
export type SlackChartImage = { kind: 'png'; png: Buffer } | { kind: 'url'; url: string };

export interface RenderForSlackOptions extends RenderSize {
  /** Base URL of the city's QuickChart server; required when the renderer is 'quickchart'. */
  quickchartUrl?: string;
}

export class ChartRendererError extends Error {
  override name = 'ChartRendererError';
}

/**
 * 'local' always gives a PNG. 'quickchart' gives a URL when it fits Slack's 3,000-character
 * image_url limit, and otherwise falls back to a local PNG (a full 24-month variance chart never
 * fits, so in practice only simple charts go by URL).
 */
export async function renderForSlack(
  config: ChartJsonConfig,
  renderer: ChartRenderer,
  options: RenderForSlackOptions,
): Promise<SlackChartImage> {
  if (renderer === 'quickchart') {
    if (!options.quickchartUrl)
      throw new ChartRendererError('CHART_RENDERER is "quickchart" but QUICKCHART_URL is not set');
    const url = buildQuickChartUrl(config, { ...options, baseUrl: options.quickchartUrl });
    if (fitsSlackImageUrl(url)) return { kind: 'url', url };
  }
  return { kind: 'png', png: await renderChartPng(config, options) };
}

/** Small multiples for one department (at most MAX_OVERVIEW_PANELS), always a PNG. */
export async function renderDepartmentOverviewPng(
  inputs: readonly VarianceChartInput[],
  heading: string,
  pixelRatio = 2,
): Promise<Buffer> {
  return renderChartGridPng(
    buildDepartmentOverviewConfigs(inputs),
    planOverviewGrid(inputs.length, heading, pixelRatio),
  );
}

export { buildHealthChartConfig, HEALTH_CHART_SIZE, type HealthChartPoint } from './health-chart-spec.js';
export { buildDepartmentOverviewConfigs, MAX_OVERVIEW_PANELS, planOverviewGrid } from './overview-chart-spec.js';
export { type GridOptions, type RenderSize, renderChartGridPng, renderChartPng } from './render-local.js';
export {
  buildQuickChartUrl,
  fitsSlackImageUrl,
  type QuickChartOptions,
  SLACK_IMAGE_URL_LIMIT,
} from './render-quickchart.js';
export { buildVarianceChartInput, type ChartedMetric, labelPeriodShort } from './variance-chart-input.js';
export {
  buildVarianceChartConfig,
  type ChartJsonConfig,
  MAX_CHART_POINTS,
  OVERVIEW_PANEL_SIZE,
  STATUS_STYLE,
  VARIANCE_CHART_SIZE,
  type VarianceChartInput,
  type VarianceChartPoint,
} from './variance-chart-spec.js';
