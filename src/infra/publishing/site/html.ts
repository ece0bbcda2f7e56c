// Small helpers for the public site's HTML: escaping, the page frame, and the words for statuses.
import { formatWithUnit } from '../../../domain/number-format.js';
import type { PublicStatus } from '../../../domain/publishing/public-record.js';

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Each status has its own word and its own shape (the same shapes as the chart's markers). */
export const STATUS_WORDS: Record<PublicStatus, { label: string; symbol: string; cls: string }> = {
  on_target: { label: 'On target', symbol: '●', cls: 'on' },
  near_target: { label: 'Near target', symbol: '◆', cls: 'near' },
  off_target: { label: 'Off target', symbol: '■', cls: 'off' },
  no_target: { label: 'No target', symbol: '▲', cls: 'none' },
  not_reported: { label: 'Not reported', symbol: '▲', cls: 'none' },
};

export const TREND_WORDS: Record<string, string> = {
  improving: 'Improving',
  worsening: 'Getting worse',
  flat: 'Steady',
  unknown: 'Not enough data for a trend',
};

export function statusBadge(status: PublicStatus): string {
  const s = STATUS_WORDS[status];
  return `<span class="status ${s.cls}"><span aria-hidden="true">${s.symbol}</span> ${s.label}</span>`;
}

export function formatValue(value: number | null, unit: string, decimals: number): string {
  return value === null ? '—' : formatWithUnit(value, unit, decimals);
}

export interface PageFrame {
  title: string;
  /** Relative path from the page to the site root, "" or "../". */
  root: string;
  heading: string;
  intro: string;
  body: string;
  publishedAt: string;
  programName: string;
}

export function renderPage(p: PageFrame): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<link rel="stylesheet" href="${p.root}style.css">
</head>
<body>
<a class="skip" href="#main">Skip to the results</a>
<header class="site">
<p class="brand"><a href="${p.root}index.html">${esc(p.programName)}: performance results</a></p>
</header>
<main id="main">
<h1>${esc(p.heading)}</h1>
${p.intro}
${p.body}
</main>
<footer class="site">
<p>Published ${esc(p.publishedAt.slice(0, 10))}. Open data: <a href="${p.root}../open-data/performance.csv">performance.csv</a>, <a href="${p.root}../open-data/performance.json">performance.json</a>, <a href="${p.root}../open-data/dictionary.csv">column dictionary</a>, <a href="${p.root}../open-data/data.json">catalog (data.json)</a>.</p>
</footer>
</body>
</html>
`;
}
