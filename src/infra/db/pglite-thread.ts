// Starts the embedded database in its own worker thread (pglite-worker.ts) and gives back the URL
// of its private Unix socket, which the bot then uses like any PostgreSQL server (@prisma/adapter-pg).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PgliteWorkerData, WorkerReply, WorkerRequest } from './pglite-worker.js';

export interface PgliteThread {
  /** postgres://…?host=<socket folder>: only this account can reach it (the folder is 0700). */
  url: string;
  /** Closes PGlite (flushing its folder), ends the thread, removes the socket. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Memory: PGlite's shared memory is resident from the start, whatever is used of it (measured in
 * /proc/<pid>/pagemap: the touched part of pglite.wasm's memory is one solid block the size of
 * `SHOW shared_memory_size`, plus ~8 MB). So every MB here is a MB of the idle bot's RSS: 48 MB of
 * buffers and 100 connections' lock tables made 56 MB; these make 11 MB.
 * - shared_buffers 8 MB: the 60,000-value agenda's working set fits in less than 8 MB (after its
 *   first run it read 0 blocks per agenda at 8, 12, 16 and 48 MB; at 4 MB ~630 reads, from the OS
 *   page cache, no slower), and a miss is one read from the OS's cache, not from disk. Against
 *   16 MB, interleaved twice: agenda p50 / p95 58.1 / 72.1 and 57.6 / 70.0 ms against 67.3 / 86.4
 *   and 75.1 / 100 ms; the numbers form's later rounds 669–738 ms against 571–975 ms; 9 MB less.
 * - max_connections 5: PGlite is one session (the wire server queues the bot's connections onto
 *   it), so the 100 slots' lock and process tables were never used.
 */
export const PGLITE_SETTINGS: Record<string, string> = { shared_buffers: '8MB', max_connections: '5' };

export async function startPgliteThread(options: {
  dataDir?: string;
  snapshot?: Blob;
  /** Settings over PGLITE_SETTINGS (benchmarks comparing values). */
  settings?: Record<string, string>;
}): Promise<PgliteThread> {
  const socketDir = await mkdtemp(join(tmpdir(), 'stat-bot-db-')); // mode 0700
  const workerData: PgliteWorkerData = {
    dataDir: options.dataDir ?? null,
    snapshot: options.snapshot ? new Uint8Array(await options.snapshot.arrayBuffer()) : null,
    socketPath: join(socketDir, '.s.PGSQL.5432'), // where node-postgres looks for port 5432 in `host`
    settings: { ...PGLITE_SETTINGS, ...options.settings },
  };
  const worker = startWorker(workerData);
  let closing = false;
  let stopped: (() => void) | undefined;
  const ready = new Promise<void>((resolve, fail) => {
    worker.on('message', (message: WorkerReply) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'failed') fail(new Error(message.message));
      else stopped?.();
    });
    worker.on('error', (error) => {
      fail(error);
      console.error(`stat-bot: the embedded database thread failed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      fail(new Error(`the database thread stopped (exit code ${code})`));
      stopped?.();
      if (!closing) console.error(`stat-bot: the embedded database thread stopped (exit code ${code})`);
    });
  });
  try {
    await ready;
  } catch (error) {
    closing = true;
    await worker.terminate();
    await rm(socketDir, { recursive: true, force: true });
    throw error;
  }
  worker.unref(); // like an in-process database, the thread alone does not keep the process running
  let closed: Promise<void> | undefined;
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
    close: () =>
      (closed ??= (async () => {
        closing = true;
        worker.ref(); // until PGlite has closed its folder
        try {
          const done = new Promise<void>((resolve) => {
            stopped = resolve;
          });
          worker.postMessage({ type: 'close' } satisfies WorkerRequest);
          await done;
          await worker.terminate();
        } finally {
          await rm(socketDir, { recursive: true, force: true });
        }
      })()),
  };
}

/**
 * Run from TypeScript sources (tsx, vitest) the thread needs the TypeScript loader too, and
 * Node 20 does not apply `--import` loaders to a worker's entry file: the entry is loaded
 * through tsx's API instead.
 */
function startWorker(workerData: PgliteWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData });
  const entry = new URL('./pglite-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, workerData });
}
