// Chooses the packet's chart renderer from the configuration.
import type { Config } from '../../config.js';
import { createChartRenderer, type PacketChartRenderer } from './packet-charts.js';

export function createPacketCharts(charts: Config['charts']): PacketChartRenderer {
  return createChartRenderer(charts.renderer, charts.quickchartUrl);
}
