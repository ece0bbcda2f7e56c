// Migrations through the WASM schema engine, on whichever back end createTestDatabase gives
// (in-memory PGlite, or a fresh database on TEST_DATABASE_URL's server).
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import {
  applyMigrations,
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  MigrationError,
  migrationStatus,
} from '../../src/infra/db/migrate.js';

async function migrationNames(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Table names Prisma maps the schema's models to (no @@map in this schema). */
async function modelNames(): Promise<string[]> {
  const schema = await readFile(DEFAULT_SCHEMA_PATH, 'utf8');
  return [...schema.matchAll(/^model\s+(\w+)\s*\{/gm)].map((m) => m[1] ?? '').sort();
}

async function publicTables(db: TestDatabase): Promise<string[]> {
  const rows = await db.prisma.$queryRawUnsafe<Array<{ table_name: string }>>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe('applyMigrations on an empty database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('starts empty and reports every migration as pending', async () => {
    expect(await publicTables(db)).toEqual([]);
    const status = await migrationStatus(db.adapterFactory);
    expect(status.pending).toEqual(await migrationNames(DEFAULT_MIGRATIONS_DIR));
    expect(status.hasMigrationsTable).toBe(false);
  });

  it('applies every migration and creates a table per model', async () => {
    const applied = await applyMigrations(db.adapterFactory);
    expect(applied).toEqual(await migrationNames(DEFAULT_MIGRATIONS_DIR));
    expect(applied.length).toBeGreaterThan(0);
    const tables = await publicTables(db);
    expect(tables).toEqual([...(await modelNames()), '_prisma_migrations'].sort());
  });

  it('records each migration in _prisma_migrations as `prisma migrate deploy` does', async () => {
    const rows = await db.prisma.$queryRawUnsafe<
      Array<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        applied_steps_count: number;
      }>
    >(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    const names = await migrationNames(DEFAULT_MIGRATIONS_DIR);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(join(DEFAULT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('is a no-op the second time', async () => {
    expect(await applyMigrations(db.adapterFactory)).toEqual([]);
    expect(await db.migrate()).toEqual([]);
    const status = await migrationStatus(db.adapterFactory);
    expect(status).toEqual({ pending: [], failed: [], edited: [], hasMigrationsTable: true });
    const [{ n }] = (await db.prisma.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM _prisma_migrations`,
    )) as [{ n: number }];
    expect(n).toBe((await migrationNames(DEFAULT_MIGRATIONS_DIR)).length);
  });
});

describe('migration scripts', () => {
  let dir: string;
  let db: TestDatabase;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stat-migrations-'));
    await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    db = await createTestDatabase({ migrationsDir: dir });
  });
  afterAll(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function addMigration(name: string, sql: string): Promise<void> {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, 'migration.sql'), sql);
  }

  it('run whole: a ";" inside a string literal survives', async () => {
    await addMigration(
      '29990101000000_semicolon_in_string',
      `INSERT INTO "AuditEvent" ("actor", "action", "detail") VALUES ('migration', 'a;b;c', '{"x":";"}');\n`,
    );
    expect(await db.migrate()).toEqual(['29990101000000_semicolon_in_string']);
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { actor: 'migration' } });
    expect(event.action).toBe('a;b;c');
    expect(event.detail).toEqual({ x: ';' });
  });

  it('a failing migration throws MigrationError naming it, and leaves the database exactly as it was', async () => {
    const historyBefore = await history(db);
    await addMigration(
      '29990102000000_broken',
      `CREATE TABLE "Half" ("id" INTEGER);\nINSERT INTO "NoSuchTable" VALUES (1);\n`,
    );
    const failure = await db.migrate().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).userMessage).toMatch(
      /migration 29990102000000_broken failed and was rolled back/,
    );
    expect((failure as MigrationError).userMessage).toMatch(/NoSuchTable/);
    expect((failure as MigrationError).userMessage).not.toMatch(/\n/);

    const half = await db.prisma.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Half'`,
    );
    expect(half[0]?.n).toBe(0);
    // No failure record left behind: the history is what it was, the migration is simply pending.
    expect(await history(db)).toEqual(historyBefore);
    const status = await db.migrationStatus();
    expect(status.failed).toEqual([]);
    expect(status.pending).toEqual(['29990102000000_broken']);
    // Still broken: refused again, by name. Fixed (a new release): applied.
    await expect(db.migrate()).rejects.toThrow(/29990102000000_broken/);
    await writeFile(join(dir, '29990102000000_broken', 'migration.sql'), `CREATE TABLE "Half" ("id" INTEGER);\n`);
    expect(await db.migrate()).toEqual(['29990102000000_broken']);
  });

  it('a database migrated by a newer stat-bot is refused before anything changes', async () => {
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ('future-1', 'x', '30000101000000_from_a_newer_release', now(), 1)`,
    );
    await addMigration('29990103000000_pending', `CREATE TABLE "Pending" ("id" INTEGER);\n`);
    await expect(db.migrate()).rejects.toThrow(
      /migrated by a newer stat-bot: migrations 30000101000000_from_a_newer_release are unknown/,
    );
    const pending = await db.prisma.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Pending'`,
    );
    expect(pending[0]?.n).toBe(0);
    await db.prisma.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE id = 'future-1'`);
  });
});

async function history(db: TestDatabase): Promise<unknown[]> {
  return db.prisma.$queryRawUnsafe(
    `SELECT id, migration_name, finished_at, logs FROM _prisma_migrations ORDER BY migration_name`,
  );
}
