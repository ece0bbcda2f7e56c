// Numbers to text: markdown tables, durations, ratios and percentiles for the benchmark reports.
export type Cell = string | number;

export interface Table {
  title: string;
  headers: string[];
  rows: Cell[][];
}

export function renderTable(t: Table): string {
  const text = (c: Cell) => String(c).replace(/\|/g, '\\|');
  const lines = [
    `| ${t.headers.map(text).join(' | ')} |`,
    `| ${t.headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
  ];
  for (const row of t.rows) lines.push(`| ${row.map(text).join(' | ')} |`);
  return `### ${t.title}\n\n${lines.join('\n')}\n`;
}

/** Milliseconds, with as many decimals as are meaningful. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(ms >= 10 ? 1 : 2)} ms`;
}

export function fmtRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : '—';
}

export function fmtMb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : '—';
}

/** Nearest-rank percentile (p in 0–100) of an unsorted sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Runs `fn` and returns its result with the wall time it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}
