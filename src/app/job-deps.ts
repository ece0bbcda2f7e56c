// The one way the scheduler's dependencies are put together, for the in-process scheduler
// (`npm start`) and for `stat run-due` alike: the same pacing, chart renderer and worker identity.
import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import type { PrismaClient } from '../infra/db-types.js';
import type { Logger } from '../infra/logger.js';
import { createPublicationWriter, publicationBaseUrl } from '../infra/publishing/write-publication.js';
import { createPacer } from '../infra/slack/pacer.js';
import { createSourceRuntime } from '../infra/sources/create-runtime.js';
import type { JobDeps } from '../scheduler/jobs/run-due-jobs.js';
import { createPacketCharts } from '../services/roundtable/create-packet-charts.js';
import type { Publishing } from './deps.js';

export interface JobDepsInput {
  prisma: PrismaClient;
  /** From createApp (app.client) or createSlackClient: never a bare `new WebClient`. */
  client: WebClient;
  logger: Logger;
  charts: Config['charts'];
  /** PUBLISH_DIR unset: no automatic publishing. */
  publishing?: Config['publishing'];
  /** Names this process in notice claims and logs: "bot" or "cli". */
  role: 'bot' | 'cli';
  /** Data sources' settings; relative CSV paths are read beside the program file. */
  sources?: Config['sources'];
  programFile?: string;
}

export function createJobDeps(input: JobDepsInput): JobDeps {
  return {
    prisma: input.prisma,
    client: input.client,
    logger: input.logger,
    pacer: createPacer(),
    workerId: `${input.role}-${randomUUID()}`,
    charts: createPacketCharts(input.charts),
    publishing: createPublishing(input.publishing),
    ...(input.sources ? { sources: createSourceRuntime(input.sources, { programFile: input.programFile }) } : {}),
  };
}

/** The writer and links for PUBLISH_DIR / PUBLIC_BASE_URL, shared by the scheduler and `/stat publish`. */
export function createPublishing(config: Config['publishing'] | undefined): Publishing | undefined {
  if (!config?.dir) return undefined;
  return { writer: createPublicationWriter(config.dir), baseUrl: publicationBaseUrl(config.dir, config.baseUrl) };
}
