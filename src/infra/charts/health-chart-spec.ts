// The program's own health over time (issue 17), as one line chart: the share of metrics in by the
// due date, of follow-ups closed on time, and of follow-ups answered before the next meeting,
// month by month — the curve Atlanta reported. Plain Chart.js JSON, like the variance chart.
import type { ChartJsonConfig } from './variance-chart-spec.js';

export interface HealthChartPoint {
  label: string;
  /** Shares 0–1; null when nothing counted that month. */
  submittedOnTime: number | null;
  closedOnTime: number | null;
  answered: number | null;
}

export const HEALTH_CHART_SIZE = { width: 640, height: 320 } as const;

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export function buildHealthChartConfig(points: readonly HealthChartPoint[], title: string): ChartJsonConfig {
  const line = (label: string, color: string, pick: (p: HealthChartPoint) => number | null) => ({
    type: 'line' as const,
    label,
    data: points.map((p) => pct(pick(p))),
    borderColor: color,
    backgroundColor: color,
    spanGaps: true,
    tension: 0,
  });
  return {
    type: 'line',
    data: {
      labels: points.map((p) => p.label),
      datasets: [
        line('Metrics in by the due date', '#1f6feb', (p) => p.submittedOnTime),
        line('Follow-ups closed on time', '#2da44e', (p) => p.closedOnTime),
        line('Answered before the next meeting', '#bf8700', (p) => p.answered),
      ],
    },
    options: {
      animation: false,
      plugins: { title: { display: true, text: title }, legend: { position: 'bottom' } },
      scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } },
    },
  } as ChartJsonConfig;
}
