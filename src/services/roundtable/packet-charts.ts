// Charts for a packet: a small-multiples overview per department, then one variance chart per
// metric. Rendering sits behind a small interface so a failure (or a test) never stops the packet.

import { formatPeriodLabel } from '../../domain/calendar/index.js';
import {
  buildHealthChartConfig,
  buildVarianceChartConfig,
  buildVarianceChartInput,
  type ChartRenderer,
  HEALTH_CHART_SIZE,
  type HealthChartPoint,
  MAX_OVERVIEW_PANELS,
  renderChartPng,
  renderDepartmentOverviewPng,
  renderForSlack,
  VARIANCE_CHART_SIZE,
} from '../../infra/charts/index.js';
import type { Agenda } from './build-agenda.js';

export interface ChartFile {
  filename: string;
  title: string;
  altText: string;
  png: Buffer;
}

export interface ChartImage {
  url: string;
  title: string;
  altText: string;
}

export interface RenderedCharts {
  files: ChartFile[];
  /** Charts a QuickChart server serves by URL (only those short enough for Slack's image_url). */
  images: ChartImage[];
  failures: number;
}

/** What the charts are drawn from: a meeting's agenda, or any set of analysed metrics (the citywide brief). */
export type ChartSource = Pick<Agenda, 'departments' | 'coverage' | 'periodLabel'>;

export interface PacketChartRenderer {
  renderAll(agenda: ChartSource): Promise<RenderedCharts>;
  /** The program's health over time (the citywide brief's thread); null when it cannot be drawn. */
  renderHealth?(points: HealthChartPoint[], title: string): Promise<ChartFile | null>;
}

export const noCharts: PacketChartRenderer = { renderAll: async () => ({ files: [], images: [], failures: 0 }) };

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function createChartRenderer(renderer: ChartRenderer, quickchartUrl?: string): PacketChartRenderer {
  return {
    // Always a local PNG: shares of the program's own work, uploaded into the brief's thread.
    async renderHealth(points, title) {
      if (points.length === 0) return null;
      try {
        const png = await renderChartPng(buildHealthChartConfig(points, title), {
          ...HEALTH_CHART_SIZE,
          pixelRatio: 2,
        });
        return {
          filename: 'brief-program-health.png',
          title: 'Program health over time',
          altText: `${title}: share of metrics in by the due date, follow-ups closed on time and answered before the next meeting, by month`,
          png,
        };
      } catch {
        return null;
      }
    },
    async renderAll(agenda) {
      const out: RenderedCharts = { files: [], images: [], failures: 0 };
      for (const d of agenda.departments) {
        const inputs = d.metrics.map((m) => ({ m, input: buildVarianceChartInput(m, m.analysis, m.history) }));
        for (let i = 0; i < inputs.length; i += MAX_OVERVIEW_PANELS) {
          const part = inputs.slice(i, i + MAX_OVERVIEW_PANELS);
          try {
            const png = await renderDepartmentOverviewPng(
              part.map((p) => p.input),
              `${d.name} — ${departmentPeriodLabel(agenda, d.id)}`,
            );
            out.files.push({
              filename: `${slug(d.key)}-overview${i ? `-${i / MAX_OVERVIEW_PANELS + 1}` : ''}.png`,
              title: `${d.name}: overview`,
              altText: `${d.name}: ${part.length} metrics, actual against target over time`,
              png,
            });
          } catch {
            out.failures++;
          }
        }
        for (const { m, input } of inputs) {
          const altText = `${m.name}: ${m.analysis.statusLabel}. ${m.analysis.signal.text}`.slice(0, 1000);
          try {
            const image = await renderForSlack(buildVarianceChartConfig(input), renderer, {
              ...VARIANCE_CHART_SIZE,
              pixelRatio: 2,
              quickchartUrl,
            });
            if (image.kind === 'url') out.images.push({ url: image.url, title: `${d.name}: ${m.name}`, altText });
            else
              out.files.push({
                filename: `${slug(d.key)}-${slug(m.key)}.png`,
                title: `${d.name}: ${m.name}`,
                altText,
                png: image.png,
              });
          } catch {
            out.failures++;
          }
        }
      }
      return out;
    },
  };
}

/** The department's own reviewed month (a packet may show one department a month earlier). */
function departmentPeriodLabel(agenda: ChartSource, departmentId: number): string {
  const covered = agenda.coverage.find((c) => c.departmentId === departmentId);
  return covered ? formatPeriodLabel(covered.monthly) : agenda.periodLabel;
}
