// One department's page: each public metric with its chart (and the chart's numbers as a table),
// status, trend, target, definition and, when the program publishes them, the explanation.
import { formatPeriodLabel } from '../../../domain/calendar/periods.js';
import type { PublicDepartment, PublicFeed, PublicMetric } from '../feed-model.js';
import { esc, formatValue, renderPage, statusBadge, TREND_WORDS } from './html.js';
import { chartAltText } from './public-chart.js';

export const chartFileName = (dept: string, metric: string) => `${dept}-${metric}.png`.toLowerCase();
export const departmentFileName = (dept: string) => `${dept.toLowerCase()}.html`;

function fact(term: string, value: string): string {
  return value ? `<dt>${esc(term)}</dt><dd>${value}</dd>` : '';
}

function dataTable(m: PublicMetric, id: string): string {
  const r = m.row;
  const rows = m.series
    .map(
      (p) =>
        `<tr><th scope="row">${esc(formatPeriodLabel(p.period))}</th><td>${esc(formatValue(p.actual, r.unit, r.decimals))}</td><td>${esc(formatValue(p.target, r.unit, r.decimals))}</td></tr>`,
    )
    .join('\n');
  return `<details><summary>The numbers behind the chart</summary>
<div class="table-wrap"><table id="${id}-table">
<caption>${esc(r.metric)} by period</caption>
<thead><tr><th scope="col">Period</th><th scope="col">Actual</th><th scope="col">Target</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
</details>`;
}

function metricSection(d: PublicDepartment, m: PublicMetric): string {
  const r = m.row;
  const id = `m-${r.metric_key}`;
  const target =
    r.target === null
      ? 'No target'
      : `${formatValue(r.target, r.unit, r.decimals)} (${r.polarity.replaceAll('_', ' ')}${r.tolerance ? `; within ${formatValue(r.tolerance, r.unit, r.decimals)} counts as near` : ''})`;
  return `<section class="metric" id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${esc(r.metric)}</h2>
<p>${esc(r.period_label)}: <strong>${esc(formatValue(r.actual, r.unit, r.decimals))}</strong> ${statusBadge(r.status)}</p>
<dl class="facts">
${fact('Target', esc(target))}
${fact('Trend', esc(TREND_WORDS[r.trend] ?? r.trend))}
${fact('Real change or noise?', esc(r.signal))}
${fact('Year to date', r.ytd_actual === null ? '' : esc(formatValue(r.ytd_actual, r.unit, r.decimals)))}
${fact('What it measures', esc(r.definition))}
${fact('How it is calculated', esc(r.methodology))}
${fact('Data source', esc(r.data_source))}
${fact('Goal', esc(r.goal ?? ''))}
${fact("Department's explanation", esc(r.explanation ?? ''))}
${fact('Revision', r.revision > 1 ? esc(`Corrected (revision ${r.revision}, ${r.published_at.slice(0, 10)})`) : '')}
</dl>
<img src="../charts/${chartFileName(d.key, r.metric_key)}" width="480" height="300" alt="${esc(chartAltText(m))}">
${dataTable(m, id)}
</section>`;
}

export function renderDepartmentPage(feed: PublicFeed, d: PublicDepartment): string {
  const latest = d.metrics[0]?.row.period_label ?? '';
  return renderPage({
    title: `${d.name}: performance results — ${feed.program.name}`,
    root: '../',
    heading: d.name,
    intro: `<p>${d.metrics.length} public measure${d.metrics.length === 1 ? '' : 's'}, latest results for ${esc(latest)}. <a href="../index.html">All departments</a></p>`,
    body: d.metrics.map((m) => metricSection(d, m)).join('\n'),
    publishedAt: feed.publishedAt,
    programName: feed.program.name,
  });
}
