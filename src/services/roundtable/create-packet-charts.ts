// Chooses the packet's chart renderer from the configuration.
import type { Config } from '../../config.js';
import { noCharts, type PacketChartRenderer } from './packet-charts.js';

export function createPacketCharts(_charts: Config['charts']): PacketChartRenderer {
  return noCharts;
}
