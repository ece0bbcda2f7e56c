import { mkdirSync, writeFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDepartmentOverviewConfigs, planOverviewGrid } from '../../src/infra/charts/overview-chart-spec.js';
import { renderChartGridPng, renderChartPng } from '../../src/infra/charts/render-local.js';
import { buildVarianceChartConfig, VARIANCE_CHART_SIZE } from '../../src/infra/charts/variance-chart-spec.js';
import { INSPECTION_DAYS, ON_TIME, PRESSURE } from './sample-charts.js';

// Samples land here so a person can look at them; nothing reads them back.
const OUT = '/tmp/charts';
const SIZE = { ...VARIANCE_CHART_SIZE, pixelRatio: 2 };

/** Width and height from the IHDR chunk, which a PNG must start with. */
function readPngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function measureInk(png: Buffer): Promise<{ colours: number; inked: number; corner: number[] }> {
  const img = await loadImage(png);
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  const colours = new Set<number>();
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    colours.add((r << 16) | (g << 8) | b);
    if (r + g + b < 600) inked++;
  }
  return { colours: colours.size, inked: inked / (data.length / 4), corner: [...data.subarray(0, 4)] };
}

describe('renderChartPng', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('renders a non-blank PNG at width × pixelRatio on white', async () => {
    const png = await renderChartPng(buildVarianceChartConfig(ON_TIME), SIZE);
    writeFileSync(`${OUT}/on-time.png`, png);
    expect(readPngSize(png)).toEqual({ width: 960, height: 600 });
    const ink = await measureInk(png);
    expect(ink.corner).toEqual([255, 255, 255, 255]); // opaque white, not transparent
    expect(ink.colours).toBeGreaterThan(200); // lines, markers, text, anti-aliasing
    expect(ink.inked).toBeGreaterThan(0.03);
  });

  it('honours the pixel ratio', async () => {
    const png = await renderChartPng(buildVarianceChartConfig(PRESSURE), { ...SIZE, pixelRatio: 1 });
    expect(readPngSize(png)).toEqual({ width: 480, height: 300 });
  });

  it('renders the other samples, and fast enough for a packet of a few dozen charts', async () => {
    await renderChartPng(buildVarianceChartConfig(INSPECTION_DAYS), SIZE); // warm-up: fonts, JIT
    const times: number[] = [];
    for (const [name, input] of [
      ['inspection-days', INSPECTION_DAYS],
      ['pressure', PRESSURE],
    ] as const) {
      const start = performance.now();
      const png = await renderChartPng(buildVarianceChartConfig(input), SIZE);
      times.push(performance.now() - start);
      writeFileSync(`${OUT}/${name}.png`, png);
    }
    console.info(`variance chart 480×300 @2×: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    expect(Math.max(...times)).toBeLessThan(2000); // generous: CI machines are slow; ~60–150 ms here
  });

  it('rejects a size that is not positive', async () => {
    await expect(renderChartPng(buildVarianceChartConfig(ON_TIME), { ...SIZE, width: 0 })).rejects.toThrow(RangeError);
  });
});

describe('renderChartGridPng', () => {
  it('lays out small multiples with gaps, a heading and a key', async () => {
    const inputs = [ON_TIME, INSPECTION_DAYS, PRESSURE, ON_TIME, INSPECTION_DAYS];
    const grid = planOverviewGrid(inputs.length, 'Public Works — October 2026', 2);
    const start = performance.now();
    const png = await renderChartGridPng(buildDepartmentOverviewConfigs(inputs), grid);
    console.info(`overview of ${inputs.length} panels: ${(performance.now() - start).toFixed(0)} ms`);
    writeFileSync(`${OUT}/overview.png`, png);
    // 3 columns × 320 + 4 gaps × 12 = 1008; heading 18 + 2 × 12 = 42, 2 rows × (200 + 12) = 424, key 13 + 12 = 25 → 491
    expect(readPngSize(png)).toEqual({ width: 1008 * 2, height: 491 * 2 });
    expect((await measureInk(png)).colours).toBeGreaterThan(200);
  });

  it('needs at least one chart', async () => {
    await expect(renderChartGridPng([], planOverviewGrid(0, 'Empty', 1))).rejects.toThrow(RangeError);
  });
});
