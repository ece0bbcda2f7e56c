import { describe, expect, it } from 'vitest';
import { ChartRendererError, renderForSlack } from '../../src/infra/charts/index.js';
import {
  buildQuickChartUrl,
  fitsSlackImageUrl,
  SLACK_IMAGE_URL_LIMIT,
} from '../../src/infra/charts/render-quickchart.js';
import { buildVarianceChartConfig, type ChartJsonConfig } from '../../src/infra/charts/variance-chart-spec.js';
import { ON_TIME } from './sample-charts.js';

const OPTIONS = { baseUrl: 'https://charts.city.example/qc/', width: 480, height: 300, pixelRatio: 1 };
// A deliberately tiny chart: the only kind whose URL fits Slack's limit.
const TINY: ChartJsonConfig = {
  type: 'line',
  data: { labels: ['Sep', 'Oct'], datasets: [{ type: 'line', label: 'Actual', data: [91, 94] }] },
};

describe('buildQuickChartUrl', () => {
  it('targets the configured server with Chart.js 4, an explicit pixel ratio and a white background', () => {
    const url = new URL(buildQuickChartUrl(TINY, OPTIONS));
    expect(`${url.origin}${url.pathname}`).toBe('https://charts.city.example/qc/chart');
    expect(url.searchParams.get('v')).toBe('4');
    expect(url.searchParams.get('devicePixelRatio')).toBe('1'); // the client would leave 1 out and the server would draw at 2
    expect(url.searchParams.get('w')).toBe('480');
    expect(url.searchParams.get('h')).toBe('300');
    expect(url.searchParams.get('bkg')).toBe('white');
    expect(url.searchParams.get('ref')).toBeNull();
    expect(JSON.parse(url.searchParams.get('c') ?? '')).toEqual(TINY);
  });

  it('keeps http and a port for a server on the internal network', () => {
    const url = new URL(buildQuickChartUrl(TINY, { ...OPTIONS, baseUrl: 'http://10.0.0.5:3400', pixelRatio: 2 }));
    expect(`${url.origin}${url.pathname}`).toBe('http://10.0.0.5:3400/chart');
    expect(url.searchParams.get('devicePixelRatio')).toBe('2');
  });
});

describe('fitsSlackImageUrl', () => {
  it('allows up to 3,000 characters', () => {
    expect(fitsSlackImageUrl('x'.repeat(SLACK_IMAGE_URL_LIMIT))).toBe(true);
    expect(fitsSlackImageUrl('x'.repeat(SLACK_IMAGE_URL_LIMIT + 1))).toBe(false);
  });

  it('the full variance chart does not fit (so it is uploaded instead)', () => {
    expect(fitsSlackImageUrl(buildQuickChartUrl(buildVarianceChartConfig(ON_TIME), OPTIONS))).toBe(false);
  });
});

describe('renderForSlack', () => {
  const size = { width: 480, height: 300, pixelRatio: 1 };

  it('local: a PNG', async () => {
    const out = await renderForSlack(TINY, 'local', size);
    expect(out.kind === 'png' && out.png.subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('quickchart: a URL when it fits, else a local PNG', async () => {
    const short = await renderForSlack(TINY, 'quickchart', { ...size, quickchartUrl: OPTIONS.baseUrl });
    expect(short.kind === 'url' && short.url.startsWith('https://charts.city.example/qc/chart?')).toBe(true);
    const long = await renderForSlack(buildVarianceChartConfig(ON_TIME), 'quickchart', {
      ...size,
      quickchartUrl: OPTIONS.baseUrl,
    });
    expect(long.kind).toBe('png');
  });

  it('quickchart without a server URL is a configuration error', async () => {
    await expect(renderForSlack(TINY, 'quickchart', size)).rejects.toThrow(ChartRendererError);
  });
});
