// `stat publish [--out <dir>]`: publishes every publishable period's public results now (the same
// service as the automatic run), rewriting the open data and the site even when nothing changed.
import path from 'node:path';
import type { Config, PublishingConfig } from '../config.js';
import { openDatabase } from '../infra/db/client.js';
import { createPublicationWriter, publicationBaseUrl } from '../infra/publishing/write-publication.js';
import { publishResults } from '../services/publishing/publish-results.js';

export async function runPublish(
  outDir: string,
  config: Pick<Config, 'database'> & { publishing: PublishingConfig },
  now: Date,
): Promise<number> {
  const db = await openDatabase(config.database);
  try {
    const outcome = await publishResults(
      {
        prisma: db.prisma,
        writer: createPublicationWriter(outDir),
        baseUrl: publicationBaseUrl(outDir, config.publishing.baseUrl),
      },
      { now, by: 'cli', force: true },
    );
    if (outcome.kind === 'nothing_public') {
      console.log(
        'Nothing to publish: no metric is marked public: true, or no period with public metrics has been locked by its packet yet.',
      );
      return 0;
    }
    if (outcome.kind === 'published')
      console.log(
        `Published ${outcome.records} records (${outcome.revised} revised) to ${path.join(outDir, 'open-data')} and ${path.join(outDir, 'site')}`,
      );
    return 0;
  } finally {
    await db.close();
  }
}
