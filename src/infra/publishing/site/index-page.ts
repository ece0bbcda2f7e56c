// The site's front page: the program at a glance (status counts for the latest period), then the
// measures by goal and by department, each linking to its department page.
import type { PublicStatus } from '../../../domain/publishing/public-record.js';
import type { PublicFeed, PublicMetric } from '../feed-model.js';
import { departmentFileName } from './department-page.js';
import { esc, formatValue, renderPage, statusBadge } from './html.js';

const ORDER: PublicStatus[] = ['on_target', 'near_target', 'off_target', 'no_target', 'not_reported'];

function counts(metrics: readonly PublicMetric[]): string {
  const items = ORDER.map((s) => [s, metrics.filter((m) => m.row.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `<li>${statusBadge(s)} <strong>${n}</strong> measure${n === 1 ? '' : 's'}</li>`);
  return `<ul class="counts">${items.join('')}</ul>`;
}

function metricLine(deptKey: string, m: PublicMetric): string {
  const r = m.row;
  return `<li><a href="departments/${departmentFileName(deptKey)}#m-${esc(r.metric_key)}">${esc(r.metric)}</a>: ${esc(formatValue(r.actual, r.unit, r.decimals))} ${statusBadge(r.status)}</li>`;
}

export function renderIndexPage(feed: PublicFeed): string {
  const all = feed.departments.flatMap((d) => d.metrics.map((m) => ({ d, m })));
  const latest = all
    .map(({ m }) => m.row.period)
    .sort()
    .at(-1);
  const label = all.find(({ m }) => m.row.period === latest)?.m.row.period_label ?? '';
  const goals = new Map<string, typeof all>();
  for (const x of all) {
    const goal = x.m.row.goal ?? 'Other measures';
    goals.set(goal, [...(goals.get(goal) ?? []), x]);
  }
  const byGoal = [...goals.entries()]
    .map(([goal, xs]) => `<h3>${esc(goal)}</h3>\n<ul>${xs.map(({ d, m }) => metricLine(d.key, m)).join('\n')}</ul>`)
    .join('\n');
  const byDept = feed.departments
    .map(
      (d) =>
        `<li><a href="departments/${departmentFileName(d.key)}">${esc(d.name)}</a>: ${d.metrics.length} measure${d.metrics.length === 1 ? '' : 's'}${counts(d.metrics)}</li>`,
    )
    .join('\n');
  const legend = (['on_target', 'near_target', 'off_target', 'not_reported'] as const).map(statusBadge).join(' ');
  return renderPage({
    title: `${feed.program.name}: performance results`,
    root: '',
    heading: `${feed.program.name}: how the city is doing`,
    intro: `<p>The latest published results${label ? ` are for <strong>${esc(label)}</strong>` : ''}: ${all.length} public measure${all.length === 1 ? '' : 's'} across ${feed.departments.length} department${feed.departments.length === 1 ? '' : 's'}. Each result is compared with its target, and its status is written in words with a shape: ${legend}.</p>`,
    body: `<h2>At a glance</h2>
${counts(all.map(({ m }) => m))}
<h2>By department</h2>
<ul>
${byDept}
</ul>
<h2>By goal</h2>
${byGoal}`,
    publishedAt: feed.publishedAt,
    programName: feed.program.name,
  });
}
