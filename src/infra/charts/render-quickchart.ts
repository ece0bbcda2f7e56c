// QuickChart back end: the chart travels inside a URL that Slack's servers fetch. Only URL building
// lives here; local rendering is the safe default (see stack.md "Charts"). For cities choosing this:
// the open-source QuickChart server (AGPL-3.0) evaluates chart text as code without a sandbox and
// reports usage to quickchart.io unless disabled, and Slack can only fetch it if it is public —
// with the metric's numbers readable in every URL.
import QuickChartModule from 'quickchart-js';
import type { ChartJsonConfig } from './variance-chart-spec.js';

/** Slack rejects an image block or accessory whose image_url is longer than this. */
export const SLACK_IMAGE_URL_LIMIT = 3000;

export interface QuickChartOptions {
  /** Base URL of the QuickChart server, e.g. https://quickchart.example.gov (a path prefix is kept). */
  baseUrl: string;
  width: number;
  height: number;
  pixelRatio: number;
}

// Under NodeNext the package's CommonJS-style typings make the default import look like the module
// object, while Node's ESM build hands us the class itself.
const QuickChart = QuickChartModule as unknown as typeof QuickChartModule.default;

export function buildQuickChartUrl(config: ChartJsonConfig, options: QuickChartOptions): string {
  const base = new URL(options.baseUrl);
  const chart = new QuickChart()
    .setScheme(base.protocol.replace(/:$/, ''))
    .setHost(`${base.host}${base.pathname.replace(/\/+$/, '')}`)
    .setVersion('4') // the client asks for Chart.js 2.9.4 otherwise, and a v4 config then fails
    .setConfig(JSON.stringify(config))
    .setWidth(options.width)
    .setHeight(options.height)
    .setBackgroundColor('white')
    .setFormat('png')
    .setDevicePixelRatio(options.pixelRatio);
  const url = new URL(chart.getUrl());
  // The client leaves the ratio out when it is 1, and the server's default is 2: always say it.
  url.searchParams.set('devicePixelRatio', String(options.pixelRatio));
  // 'ref' only tells quickchart.io which client made the link.
  url.searchParams.delete('ref');
  return url.href;
}

export function fitsSlackImageUrl(url: string): boolean {
  return url.length <= SLACK_IMAGE_URL_LIMIT;
}
