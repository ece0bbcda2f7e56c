// A fresh, migrated database for one test file.
//
//   const db = await createTestDatabase();   // in beforeAll
//   ... db.prisma ...
//   await db.close();                        // in afterAll
//
// TEST_DATABASE_URL set (a PostgreSQL server, e.g. from scripts/ci-postgres.sh): a new database
// `stat_test_<random>` is created on that server, migrated, and dropped again by close().
// Otherwise: an in-memory PGlite. A fresh PGlite spends ~5 s in initdb, so the first use on a
// machine migrates one and stores a snapshot (dumpDataDir) under node_modules/.cache/stat-bot/,
// keyed by the migrations' contents and the PGlite/engine versions; every later test file loads a
// copy of it (~0.6–0.9 s, the floor of PGlite's own start-up) and skips the schema engine.

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pgAdapterFactory } from '../src/infra/db/adapters.js';
import { type Database, openDatabase } from '../src/infra/db/client.js';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrationList } from '../src/infra/db/migrate.js';
import { pgliteAdapterFactory } from '../src/infra/db/pglite-adapter.js';
import { parsePostgresUrl } from '../src/infra/db/postgres-url.js';
import { classifyPostgresError, DatabaseUnavailableError } from '../src/infra/db-errors.js';

/** On PostgreSQL, `url` is this file's own database. */
export type TestDatabase = Database;

export interface TestDatabaseOptions {
  /** Default: the repo's prisma/migrations. */
  migrationsDir?: string;
  /** false: an empty database with no migrations applied (for testing migrations). Default true. */
  migrate?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  return serverUrl ? createPostgresTestDatabase(serverUrl, options) : createPgliteTestDatabase(options);
}

// --- PGlite -------------------------------------------------------------------------------------

async function createPgliteTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const snapshot = options.migrate === false ? await emptySnapshot() : await migratedSnapshot(migrationsDir);
  return openDatabase({ inMemory: true, pgliteSnapshot: snapshot, migrate: false, migrationsDir });
}

/** A fresh in-memory PGlite, without paying for initdb (for tests that need the PGlite itself). */
export async function createTestPglite(options: { migrated?: boolean } = {}): Promise<PGlite> {
  const snapshot = options.migrated ? await migratedSnapshot() : await emptySnapshot();
  return PGlite.create({ loadDataDir: snapshot });
}

const snapshots = new Map<string, Promise<Blob>>();

function cached(key: string, build: () => Promise<Blob>): Promise<Blob> {
  let promise = snapshots.get(key);
  if (!promise) {
    promise = build();
    promise.catch(() => snapshots.delete(key));
    snapshots.set(key, promise);
  }
  return promise;
}

/** A dumpDataDir() of an in-memory PGlite with every migration applied, cached in memory and on disk. */
export function migratedSnapshot(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<Blob> {
  return cached(`migrated:${migrationsDir}`, async () =>
    loadOrBuildSnapshot(
      `pglite-migrated-${await snapshotKey(migrationsDir)}.tar`,
      async (pglite) => {
        await applyMigrations(pgliteAdapterFactory(pglite), { migrationsDir });
      },
      emptySnapshot,
    ),
  );
}

/** The same for a freshly initialised, empty cluster. */
export function emptySnapshot(): Promise<Blob> {
  return cached('empty', async () =>
    loadOrBuildSnapshot(`pglite-empty-${await snapshotKey(null)}.tar`, async () => {}),
  );
}

async function loadOrBuildSnapshot(
  fileName: string,
  prepare: (pglite: PGlite) => Promise<void>,
  base?: () => Promise<Blob>,
): Promise<Blob> {
  const file = join(cacheDir(), fileName);
  const cachedCopy = await readCached(file);
  if (cachedCopy) return cachedCopy;
  // On a cold cache every worker would run initdb at once (two cores: twice as slow for all).
  // One takes a build marker; the others wait for its file, or build themselves after a while.
  const marker = `${file}.building`;
  const owner = await takeMarker(marker);
  if (!owner) {
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline && existsSync(marker)) {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  try {
    // Someone may have finished between our first look and now.
    return (await readCached(file)) ?? (await buildSnapshot(file, prepare, base));
  } finally {
    if (owner) await rm(marker, { force: true });
  }
}

async function readCached(file: string): Promise<Blob | null> {
  if (!existsSync(file)) return null;
  try {
    return new Blob([await readFile(file)]);
  } catch {
    return null; // unreadable: rebuild
  }
}

async function takeMarker(marker: string): Promise<boolean> {
  try {
    await mkdir(dirname(marker), { recursive: true });
    const stale = existsSync(marker) && Date.now() - statSync(marker).mtimeMs > 60_000;
    if (stale) await rm(marker, { force: true });
    await writeFile(marker, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch {
    return false; // someone else is building (or the cache folder is read-only)
  }
}

async function buildSnapshot(
  file: string,
  prepare: (pglite: PGlite) => Promise<void>,
  base?: () => Promise<Blob>,
): Promise<Blob> {
  const pglite = base ? await PGlite.create({ loadDataDir: await base() }) : await PGlite.create();
  try {
    await prepare(pglite);
    await pglite.exec('CHECKPOINT');
    const dump = await pglite.dumpDataDir('none'); // uncompressed loads ~2x faster than gzip
    const bytes = new Uint8Array(await dump.arrayBuffer());
    // Best effort; write-then-rename so a parallel worker never reads half a file.
    try {
      await mkdir(cacheDir(), { recursive: true });
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(partial, bytes);
      await rename(partial, file);
    } catch {
      // read-only checkout: every file pays for initdb, still correct
    }
    return new Blob([bytes]);
  } finally {
    await pglite.close();
  }
}

async function snapshotKey(migrationsDir: string | null): Promise<string> {
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  for (const pkg of ['@electric-sql/pglite', '@prisma/schema-engine-wasm']) {
    hash.update(`${pkg}@${versionOf(require, pkg)}\n`);
  }
  if (migrationsDir !== null) {
    const list = await readMigrationList(migrationsDir);
    for (const dir of list.migrationDirectories) {
      hash.update(`${dir.path}\n`);
      if (dir.migrationFile.content.tag === 'ok') hash.update(dir.migrationFile.content.value);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function versionOf(require: NodeRequire, pkg: string): string {
  try {
    // Resolve the entry, then walk up to its package.json (exports may hide ./package.json).
    let dir = require.resolve(pkg);
    for (let i = 0; i < 6; i++) {
      dir = join(dir, '..');
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest)) {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
        if (parsed.name === pkg) return parsed.version ?? 'unknown';
      }
    }
  } catch {
    // fall through
  }
  return 'unknown';
}

function cacheDir(): string {
  const nodeModules = fileURLToPath(new URL('../node_modules/', import.meta.url));
  return existsSync(nodeModules) ? join(nodeModules, '.cache', 'stat-bot') : join(tmpdir(), 'stat-bot-cache');
}

// --- PostgreSQL ---------------------------------------------------------------------------------

async function createPostgresTestDatabase(serverUrl: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  const name = `stat_test_${randomBytes(6).toString('hex')}`;
  await adminExecute(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  let db: Database;
  try {
    db = await openDatabase({
      databaseUrl: url,
      migrate: options.migrate !== false,
      ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
    });
  } catch (error) {
    await dropDatabase(serverUrl, name).catch(() => {});
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    ...db,
    url,
    close: () =>
      (closed ??= (async () => {
        try {
          await db.close();
        } finally {
          await dropDatabase(serverUrl, name);
        }
      })()),
  };
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  // WITH (FORCE) (PostgreSQL 13+) also ends connections a failed test left behind.
  await adminExecute(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

async function adminExecute(serverUrl: string, sql: string): Promise<void> {
  const target = parsePostgresUrl(serverUrl);
  const adapter = await pgAdapterFactory(serverUrl, { connectTimeoutMs: 5_000 }).connect();
  try {
    await adapter.executeRaw({ sql, args: [], argTypes: [] });
  } catch (error) {
    throw (
      classifyPostgresError(error, target) ??
      new DatabaseUnavailableError(
        'unknown',
        `TEST_DATABASE_URL (${target.display}): "${sql}" failed: ${String((error as Error).message)}`,
        {
          cause: error,
        },
      )
    );
  } finally {
    await adapter.dispose();
  }
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
