// What handlers and jobs are given. Time comes from `clock` so tests and the demo can move it.
import type { PrismaClient } from '../infra/db-types.js';
import type { Logger } from '../infra/logger.js';
import type { PublicationWriter } from '../infra/publishing/feed-model.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Deps {
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  charts: { renderer: 'local' | 'quickchart'; quickchartUrl?: string };
  /** Where `/stat publish` writes; unset when PUBLISH_DIR is not configured. */
  publishing?: Publishing;
}

export interface Publishing {
  writer: PublicationWriter;
  /** Where the published folder is served from, ending in "/". */
  baseUrl: string;
}
