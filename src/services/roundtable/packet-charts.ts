// Charts for a packet: one variance chart per metric. Rendering is behind a small interface so a
// failure (or a test) never stops the packet, and the renderer can be local or QuickChart.
import type { Agenda } from './build-agenda.js';

export interface ChartFile {
  filename: string;
  title: string;
  altText: string;
  png: Buffer;
}

export interface PacketChartRenderer {
  renderAll(agenda: Agenda): Promise<{ files: ChartFile[]; failures: number }>;
}

export const noCharts: PacketChartRenderer = { renderAll: async () => ({ files: [], failures: 0 }) };
