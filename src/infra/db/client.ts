// Opening the database: embedded PGlite (default, one process) or a PostgreSQL server.
// Both run the same migrations, the same generated Prisma client and the same driver adapter
// (@prisma/adapter-pg): PGlite runs in its own worker thread behind the PostgreSQL wire protocol
// (pglite-thread.ts), so its queries never hold the thread that reads Slack's requests.

import { lookup } from 'node:dns/promises';
import { mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../../generated/prisma/client.js';
import { classifyPostgresError, DatabaseUnavailableError, describeError, type PostgresTarget } from '../db-errors.js';
import { pgAdapterFactory } from './adapters.js';
import { LOCK_FILE, lockDataDir } from './data-dir-lock.js';
import { applyMigrations, type MigrationStatus, migrationStatus } from './migrate.js';
import { type PgliteThread, startPgliteThread } from './pglite-thread.js';
import { parsePostgresUrl } from './postgres-url.js';

export { LOCK_FILE, PrismaClient };
export type DatabaseKind = 'pglite' | 'postgres';

export const DEFAULT_DATA_DIR = './data/pglite';

export interface OpenDatabaseOptions {
  /** postgres://user:password@host:5432/database. Absent or empty: embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Alias of `databaseUrl` (the shape of `Config['database']`); `databaseUrl` wins if both are set. */
  url?: string | undefined;
  /** PGlite's folder, created on first start. Default ./data/pglite (relative to the cwd). */
  dataDir?: string | undefined;
  /** PGlite held in memory only, gone on close (tests, demos). Ignored with databaseUrl. */
  inMemory?: boolean | undefined;
  /** Apply pending migrations before returning. Default true. */
  migrate?: boolean | undefined;
  /** Default: the repo's prisma/migrations. */
  migrationsDir?: string | undefined;
  /**
   * In-memory PGlite only: start from this `pglite.dumpDataDir()` snapshot instead of an empty
   * cluster (skips PGlite's ~5 s initdb; the test helper uses it).
   */
  pgliteSnapshot?: Blob | undefined;
  /** PostgreSQL only: give up connecting after this long. Default 10 000 ms. */
  connectTimeoutMs?: number | undefined;
  /** Receives the schema engine's log lines while migrating. */
  migrationLog?: ((line: string) => void) | undefined;
  /** Called once after the opening migration step with the names it applied (maybe none). */
  onMigrated?: ((applied: string[]) => void) | undefined;
}

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** Where the data lives, safe to print: "PGlite in ./data/pglite", "PostgreSQL at db:5432/stat". */
  location: string;
  /** Migrations applied while opening (empty if up to date, or with `migrate: false`). */
  appliedMigrations: string[];
  /** Applies pending migrations now; returns their names. */
  migrate(): Promise<string[]>;
  /** Pending / failed / edited migrations, without changing anything. */
  migrationStatus(): Promise<MigrationStatus>;
  /** The driver-adapter factory (for the schema engine, or raw SQL through Prisma's adapter). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /**
   * The connection URL (for raw connections: backup, restore, copy): the server's, or for PGlite
   * its thread's private socket. Never print it.
   */
  url: string;
  /** Disconnects Prisma, closes PGlite, releases the data-folder lock. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens the database and (unless `migrate: false`) brings its schema up to date.
 * Throws `DatabaseUnavailableError` (with `.userMessage`) when it cannot be reached or entered,
 * and `MigrationError` when a migration fails.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const url = options.databaseUrl?.trim() || options.url?.trim();
  return url ? openPostgres(url, options) : openPglite(options);
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const target = parsePostgresUrl(url);
  const factory = pgAdapterFactory(url, { connectTimeoutMs: options.connectTimeoutMs ?? 10_000 });
  await checkPostgresConnection(factory, target);
  const prisma = new PrismaClient({ adapter: factory });
  return finishOpening({
    kind: 'postgres',
    location: `PostgreSQL at ${target.display}/${target.database}`,
    prisma,
    factory,
    options,
    url,
    onClose: async () => {},
  });
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  let thread: PgliteThread;
  let location: string;
  let releaseLock = () => {};
  if (options.inMemory) {
    location = 'PGlite (in memory)';
    try {
      thread = await startPgliteThread(options.pgliteSnapshot ? { snapshot: options.pgliteSnapshot } : {});
    } catch (error) {
      throw new DatabaseUnavailableError('unknown', `Cannot start the in-memory database: ${describeError(error)}`, {
        cause: error,
      });
    }
  } else {
    const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
    location = `PGlite in ${options.dataDir ?? DEFAULT_DATA_DIR}`;
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new DatabaseUnavailableError(
        'data_dir',
        `Cannot create the database folder ${dataDir}: ${describeError(error)}`,
        { cause: error },
      );
    }
    releaseLock = lockDataDir(dataDir);
    try {
      thread = await startPgliteThread({ dataDir });
    } catch (error) {
      releaseLock();
      throw new DatabaseUnavailableError(
        'data_dir',
        `Cannot open the embedded database in ${dataDir}: ${describeError(error)} — if the folder is damaged, restore it from a backup or move it aside to start empty.`,
        { cause: error },
      );
    }
  }
  const factory = pgAdapterFactory(thread.url, { connectTimeoutMs: options.connectTimeoutMs ?? 10_000 });
  const prisma = new PrismaClient({ adapter: factory });
  return finishOpening({
    kind: 'pglite',
    location,
    prisma,
    factory,
    options,
    url: thread.url,
    onClose: async () => {
      try {
        await thread.close();
      } finally {
        releaseLock();
      }
    },
  });
}

async function finishOpening(parts: {
  kind: DatabaseKind;
  location: string;
  prisma: PrismaClient;
  factory: SqlMigrationAwareDriverAdapterFactory;
  options: OpenDatabaseOptions;
  url: string;
  onClose: () => Promise<void>;
}): Promise<Database> {
  const { prisma, factory, options } = parts;
  const migrateOptions = {
    ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
    ...(options.migrationLog ? { log: options.migrationLog } : {}),
  };
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      try {
        await prisma.$disconnect();
      } finally {
        await parts.onClose();
      }
    })());
  const db: Database = {
    prisma,
    kind: parts.kind,
    location: parts.location,
    appliedMigrations: [],
    adapterFactory: factory,
    url: parts.url,
    migrate: () => applyMigrations(factory, migrateOptions),
    migrationStatus: () => migrationStatus(factory, migrateOptions),
    close,
  };
  if (options.migrate !== false) {
    try {
      db.appliedMigrations = await db.migrate();
    } catch (error) {
      await close().catch(() => {});
      throw error;
    }
    options.onMigrated?.(db.appliedMigrations);
  }
  return db;
}

/** One round trip before anything else, so connection problems become one clear message. */
async function checkPostgresConnection(
  factory: SqlMigrationAwareDriverAdapterFactory,
  target: PostgresTarget,
): Promise<void> {
  let adapter: Awaited<ReturnType<SqlMigrationAwareDriverAdapterFactory['connect']>> | undefined;
  try {
    adapter = await factory.connect();
    await adapter.queryRaw({ sql: 'SELECT 1', args: [], argTypes: [] });
  } catch (error) {
    const classified = classifyPostgresError(error, target);
    if (classified?.reason === 'unreachable' && (await hostDoesNotResolve(target.host))) {
      throw new DatabaseUnavailableError(
        'unreachable',
        `Cannot reach PostgreSQL at ${target.display} — the host name "${target.host}" does not resolve.`,
        { cause: error },
      );
    }
    throw (
      classified ??
      new DatabaseUnavailableError('unknown', `Cannot use PostgreSQL at ${target.display}: ${describeError(error)}`, {
        cause: error,
      })
    );
  } finally {
    await adapter?.dispose().catch(() => {});
  }
}

/** Prisma's pg adapter reports "not found" and "refused" alike; a lookup tells them apart. */
async function hostDoesNotResolve(host: string): Promise<boolean> {
  if (host.startsWith('/') || isIP(host) !== 0) return false;
  try {
    await lookup(host);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME';
  }
}
