// data.json: a DCAT-US 1.1 catalog with one dataset (the performance table), for open-data portals
// and data.gov's harvester. Validated in tests against the vendored schema (vendor/open-data-spec).
import type { PublicFeed } from './feed-model.js';

export const OPEN_DATA_FILES = {
  csv: 'performance.csv',
  json: 'performance.json',
  dictionary: 'dictionary.csv',
  catalog: 'data.json',
} as const;

export function buildCatalog(feed: PublicFeed): Record<string, unknown> {
  const url = (file: string) => new URL(`open-data/${file}`, feed.baseUrl).href;
  const periods = feed.rows.map((r) => [r.period_start, r.period_end] as const);
  const first = periods.map((p) => p[0]).sort()[0];
  const last = periods
    .map((p) => p[1])
    .sort()
    .at(-1);
  const keywords = [...new Set(['performance', 'stat', ...feed.departments.map((d) => d.name.toLowerCase())])];
  const contact = feed.contact ?? { name: feed.program.name, email: 'open-data@example.gov' };
  return {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@type': 'dcat:Catalog',
    conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    dataset: [
      {
        '@type': 'dcat:Dataset',
        title: `${feed.program.name}: performance results`,
        description: `Monthly and quarterly results of ${feed.program.name}'s public performance measures: each measure's value, target, status against target and process limits, one row per measure per period.`,
        keyword: keywords,
        modified: feed.publishedAt,
        publisher: { '@type': 'org:Organization', name: feed.program.name },
        contactPoint: { '@type': 'vcard:Contact', fn: contact.name, hasEmail: `mailto:${contact.email}` },
        identifier: url(OPEN_DATA_FILES.csv),
        accessLevel: 'public',
        license: 'https://creativecommons.org/publicdomain/zero/1.0/',
        accrualPeriodicity: 'R/P1M',
        ...(first && last ? { temporal: `${first}/${last}` } : {}),
        landingPage: new URL('site/index.html', feed.baseUrl).href,
        describedBy: url(OPEN_DATA_FILES.dictionary),
        describedByType: 'text/csv',
        distribution: [
          {
            '@type': 'dcat:Distribution',
            title: 'Performance results (CSV)',
            downloadURL: url(OPEN_DATA_FILES.csv),
            mediaType: 'text/csv',
            format: 'CSV',
            describedBy: url(OPEN_DATA_FILES.dictionary),
            describedByType: 'text/csv',
          },
          {
            '@type': 'dcat:Distribution',
            title: 'Performance results (JSON)',
            downloadURL: url(OPEN_DATA_FILES.json),
            mediaType: 'application/json',
            format: 'JSON',
            describedBy: url(OPEN_DATA_FILES.dictionary),
            describedByType: 'text/csv',
          },
        ],
      },
    ],
  };
}
