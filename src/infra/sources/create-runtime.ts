// The one way a SourceRuntime is put together from the parsed settings (the bot, the CLI, the demo).
import { dirname, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { SourcesConfig } from '../../config.js';
import type { SourceRuntime } from './runtime.js';
import { createSqlConnector } from './sql-connector.js';

/** Waits between attempts of a pull that failed for a passing reason. */
const RETRY_DELAYS_MS = [1_000, 4_000];

export function createSourceRuntime(
  config: SourcesConfig,
  opts: { programFile?: string; pglite?: ReadonlyMap<string, PGlite>; retryDelaysMs?: readonly number[] } = {},
): SourceRuntime {
  return {
    env: config.env,
    allowedHosts: config.allowedHosts,
    maxResponseBytes: config.maxResponseBytes,
    concurrencyPerSource: config.concurrencyPerSource,
    retryDelaysMs: opts.retryDelaysMs ?? RETRY_DELAYS_MS,
    baseDir: opts.programFile ? dirname(resolve(opts.programFile)) : process.cwd(),
    sql: createSqlConnector({ poolSize: config.concurrencyPerSource, pglite: opts.pglite }),
  };
}
