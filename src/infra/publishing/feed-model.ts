// What the publisher hands the writer: everything already decided public. The writer adds nothing
// it is not given, so what reaches the files is exactly what the service chose to publish.
import type { FeedRow } from '../../domain/publishing/feed-columns.js';
import type { PublicSeriesPoint } from '../../domain/publishing/public-record.js';

export interface PublicMetric {
  /** The metric's latest published row. */
  row: FeedRow;
  /** Its chart: published history up to that period, oldest first. */
  series: PublicSeriesPoint[];
}

export interface PublicDepartment {
  key: string;
  name: string;
  metrics: PublicMetric[];
}

export interface PublicFeed {
  program: { key: string; name: string };
  /** ISO 8601 instant of this publication run. */
  publishedAt: string;
  /** Where the files are served from, ending in "/"; absolute links in data.json start here. */
  baseUrl: string;
  contact: { name: string; email: string } | null;
  /** Every published row, every period, ordered by department, metric, period. */
  rows: FeedRow[];
  departments: PublicDepartment[];
}

export interface PublicationWriter {
  /** Writes the open data and the site; returns the files written, relative to its folder. */
  write(feed: PublicFeed): Promise<{ dir: string; files: string[] }>;
}
