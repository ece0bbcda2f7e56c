// The embedded database's own thread: PGlite (a WebAssembly PostgreSQL whose queries run
// synchronously on the thread that calls them) opened here and served over the PostgreSQL wire
// protocol on a private Unix socket, so the bot's main thread only waits on a socket, as it does
// with a PostgreSQL server, and keeps reading Slack's requests while a query runs.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { collectWhenIdle } from '../idle-gc.js';
import { serveWireProtocol } from './pglite-wire-server.js';

export interface PgliteWorkerData {
  /** The data folder, or null for a database held in memory only. */
  dataDir: string | null;
  /** In memory only: start from this dumpDataDir() tarball instead of an empty cluster. */
  snapshot: Uint8Array<ArrayBuffer> | null;
  socketPath: string;
  /** PostgreSQL settings (`-c name=value`) added to PGlite's own. */
  settings: Record<string, string>;
}
export type WorkerRequest = { type: 'close' };
export type WorkerReply = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'closed' };

/** PGlite's own start parameters (0.4.6), which `startParams` replaces rather than extends. */
const PGLITE_START_PARAMS = [
  '--single',
  '-F',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
];

/**
 * PGlite is one backend with no background workers, so no autovacuum: without this its planner
 * would plan every query on default guesses (no statistics) and the old versions of updated rows
 * (notices are claimed and marked sent all day) would never be reclaimed. ANALYZE before the first
 * query; both every few hours, between clients' transactions (they wait meanwhile, as on a lock).
 */
const AT_START = 'ANALYZE';
const PERIODIC = 'VACUUM (ANALYZE)';
const PERIODIC_EVERY_MS = 6 * 60 * 60_000;

const data = workerData as PgliteWorkerData;
const port = parentPort!;
const reply = (message: WorkerReply) => port.postMessage(message);

async function start(): Promise<void> {
  const startParams = [
    ...PGLITE_START_PARAMS,
    ...Object.entries(data.settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
  const db = data.dataDir
    ? await PGlite.create({ dataDir: data.dataDir, startParams })
    : await PGlite.create({ startParams, ...(data.snapshot ? { loadDataDir: new Blob([data.snapshot]) } : {}) });
  const server = await serveWireProtocol(db, data.socketPath);
  await server.maintain(AT_START);
  const maintain = () =>
    server.maintain(PERIODIC).catch((error: unknown) => {
      console.error(`stat-bot: embedded database maintenance (${PERIODIC}) failed: ${String(error)}`);
    });
  const periodic = setInterval(maintain, PERIODIC_EVERY_MS);
  periodic.unref();
  port.on('message', (request: WorkerRequest) => {
    if (request.type !== 'close') return;
    clearInterval(periodic);
    void (async () => {
      await server.close();
      if (!db.closed) await db.close(); // flushes the data folder
      reply({ type: 'closed' });
    })();
  });
  collectWhenIdle(); // this thread's own heap (see idle-gc.ts)
  reply({ type: 'ready' });
}

start().catch((error: unknown) =>
  reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
