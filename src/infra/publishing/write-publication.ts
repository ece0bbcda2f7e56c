// Writes a publication to disk: <dir>/open-data/ (CSV, JSON, dictionary, data.json) and <dir>/site/
// (static HTML, one stylesheet, chart PNGs). Each run replaces both folders whole, built aside first,
// so a metric made private disappears with its page and chart, and a reader never sees half a run.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCatalog, OPEN_DATA_FILES } from './catalog.js';
import type { PublicationWriter, PublicFeed } from './feed-model.js';
import { dictionaryCsv, feedCsv, feedJson } from './open-data-files.js';
import { chartFileName, departmentFileName, renderDepartmentPage } from './site/department-page.js';
import { renderIndexPage } from './site/index-page.js';
import { renderPublicChartPng } from './site/public-chart.js';
import { SITE_CSS } from './site/style.js';

/** Without PUBLIC_BASE_URL the files link to themselves on disk, so data.json is still valid. */
export function publicationBaseUrl(dir: string, configured?: string): string {
  return configured ?? pathToFileURL(`${path.resolve(dir)}/`).href;
}

export const PUBLICATION_FOLDERS = ['open-data', 'site'] as const;

export async function renderPublicationFiles(feed: PublicFeed): Promise<Map<string, string | Buffer>> {
  const files = new Map<string, string | Buffer>();
  files.set(`open-data/${OPEN_DATA_FILES.csv}`, feedCsv(feed.rows));
  files.set(`open-data/${OPEN_DATA_FILES.json}`, feedJson(feed.rows));
  files.set(`open-data/${OPEN_DATA_FILES.dictionary}`, dictionaryCsv());
  files.set(`open-data/${OPEN_DATA_FILES.catalog}`, `${JSON.stringify(buildCatalog(feed), null, 2)}\n`);
  files.set('site/style.css', SITE_CSS);
  files.set('site/index.html', renderIndexPage(feed));
  for (const d of feed.departments) {
    files.set(`site/departments/${departmentFileName(d.key)}`, renderDepartmentPage(feed, d));
    for (const m of d.metrics)
      files.set(`site/charts/${chartFileName(d.key, m.row.metric_key)}`, await renderPublicChartPng(m));
  }
  return files;
}

export function createPublicationWriter(dir: string): PublicationWriter {
  return {
    async write(feed) {
      const files = await renderPublicationFiles(feed);
      const staging = path.join(dir, `.publishing-${process.pid}-${Date.now()}`);
      try {
        for (const [rel, content] of files) {
          const file = path.join(staging, rel);
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, content);
        }
        for (const folder of PUBLICATION_FOLDERS) {
          await rm(path.join(dir, folder), { recursive: true, force: true });
          await rename(path.join(staging, folder), path.join(dir, folder));
        }
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
      return { dir, files: [...files.keys()] };
    },
  };
}
