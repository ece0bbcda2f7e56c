// Publishing: bring the published records up to date, then write the open data and the public site.
// Shared by the packet and meeting-record jobs (at the program's publish moment), the correction
// check that runs with them, `npm run stat -- publish` and `/stat publish`.
import { programKeyOf } from '../../domain/publishing/public-record.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { PublicationWriter } from '../../infra/publishing/feed-model.js';
import { loadProgramSettings } from '../program-settings.js';
import { buildPublicFeed } from './build-feed.js';
import { findPublishableSlots } from './publishable-periods.js';
import { refreshPublishedRecords } from './refresh-records.js';

export interface PublishDeps {
  prisma: PrismaClient;
  writer: PublicationWriter;
  /** Where the site and files are served from, ending in "/". */
  baseUrl: string;
}

export type PublishOutcome =
  | {
      kind: 'published';
      /** Periods with records published for the first time by this run, and how many. */
      newPeriods: { period: string; metrics: number }[];
      revised: number;
      records: number;
      files: string[];
    }
  /** Nothing new or changed, and the run was not forced: nothing was rewritten. */
  | { kind: 'unchanged'; records: number }
  | { kind: 'nothing_public' };

export async function publishResults(
  deps: PublishDeps,
  o: { now: Date; by: string; force?: boolean },
): Promise<PublishOutcome> {
  const settings = await loadProgramSettings(deps.prisma);
  const program = { key: programKeyOf(settings.name), name: settings.name };
  const explanations = settings.publishExplanations;
  const refreshed = await deps.prisma.$transaction(
    async (db) => {
      const slots = await findPublishableSlots(db, settings.publish);
      return refreshPublishedRecords(db, slots, { programKey: program.key, explanations, now: o.now });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  const feed = await buildPublicFeed(deps.prisma, {
    program,
    explanations,
    contact: settings.contact ?? null,
    baseUrl: deps.baseUrl,
    now: o.now,
  });
  if (feed.rows.length === 0) return { kind: 'nothing_public' };
  // Files are rewritten when any record is newer than the last successful run, so a write that
  // failed (disk full, say) is retried by the next run even though the records were already stored.
  const last = await deps.prisma.publication.findFirst({ orderBy: { at: 'desc' }, select: { at: true } });
  const newest = Math.max(...feed.rows.map((r) => Date.parse(r.published_at)));
  const unchanged = !o.force && last !== null && newest <= last.at.getTime();
  const written = unchanged ? null : await deps.writer.write(feed);
  // Recorded after the write (and when nothing changed): the correction check compares later
  // submissions with this run.
  await deps.prisma.publication.create({
    data: {
      at: o.now,
      by: o.by,
      periods: refreshed.newPeriods.map((p) => p.period),
      records: feed.rows.length,
      revised: refreshed.revised,
    },
  });
  if (!written) return { kind: 'unchanged', records: feed.rows.length };
  return {
    kind: 'published',
    newPeriods: refreshed.newPeriods,
    revised: refreshed.revised,
    records: feed.rows.length,
    files: written.files,
  };
}
