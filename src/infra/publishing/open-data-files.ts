// performance.csv, performance.json and dictionary.csv: one long-format table, one row per public
// metric per published period, columns in the order of FEED_COLUMNS.
import { stringify } from 'csv-stringify/sync';
import { FEED_COLUMNS, type FeedRow } from '../../domain/publishing/feed-columns.js';

export function feedCsv(rows: readonly FeedRow[]): string {
  const header = FEED_COLUMNS.map((c) => c.name);
  return stringify([header, ...rows.map((r) => FEED_COLUMNS.map((c) => r[c.name] ?? ''))]);
}

export function feedJson(rows: readonly FeedRow[]): string {
  const ordered = rows.map((r) => Object.fromEntries(FEED_COLUMNS.map((c) => [c.name, r[c.name] ?? null])));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function dictionaryCsv(): string {
  return stringify([
    ['column', 'type', 'meaning', 'allowed_values'],
    ...FEED_COLUMNS.map((c) => [c.name, c.type, c.meaning, c.allowed ?? '']),
  ]);
}
