// scripts/create-migration.ts's logic: diff the migration history against schema.prisma.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestPglite } from '../../local-stack/test-db.js';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, MIGRATION_LOCK_CONTENT } from '../../src/infra/db/migrate.js';
import {
  createMigration,
  diffSchemaAgainstMigrations,
  nextMigrationTimestamp,
  normaliseMigrationName,
} from '../../src/infra/db/migration-authoring.js';

const opened: PGlite[] = [];
async function shadow(): Promise<PGlite> {
  const pglite = await createTestPglite();
  opened.push(pglite);
  return pglite;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
});

describe('migration names and timestamps', () => {
  it('normalises and validates names', () => {
    expect(normaliseMigrationName('init')).toBe('init');
    expect(normaliseMigrationName(' Add-Meeting notes ')).toBe('add_meeting_notes');
    for (const bad of ['', '   ', 'drop;table', '../escape', 'ümlaut', '_lead', 'a__b', 'x'.repeat(81)]) {
      expect(() => normaliseMigrationName(bad), bad).toThrow();
    }
  });

  it('uses UTC YYYYMMDDHHMMSS and always sorts after the existing migrations', () => {
    const now = new Date('2026-11-23T10:05:02.700Z');
    expect(nextMigrationTimestamp([], now)).toBe('20261123100502');
    expect(nextMigrationTimestamp(['20261123100502_init'], now)).toBe('20261123100503');
    expect(nextMigrationTimestamp(['20300101000000_future'], now)).toBe('20300101000001');
  });
});

describe('prisma/migrations', () => {
  it('covers everything in prisma/schema.prisma (run `npm run db:migration -- <name>` if this fails)', async () => {
    const sql = await diffSchemaAgainstMigrations({
      schemaPath: DEFAULT_SCHEMA_PATH,
      migrationsDir: DEFAULT_MIGRATIONS_DIR,
      shadow: await shadow(),
    });
    expect(sql).toBeNull();
  });

  it('has a Prisma migration_lock.toml', async () => {
    expect(await readFile(join(DEFAULT_MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8')).toBe(MIGRATION_LOCK_CONTENT);
  });
});

describe('createMigration into an empty folder', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the same SQL as the committed first migration, then finds no changes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'stat-authoring-'));
    const created = await createMigration({
      schemaPath: DEFAULT_SCHEMA_PATH,
      migrationsDir: dir,
      name: 'init',
      now: new Date('2026-01-02T03:04:05Z'),
      shadow: await shadow(),
    });
    expect(created?.name).toBe('20260102030405_init');
    expect(existsSync(join(dir, 'migration_lock.toml'))).toBe(true);

    const committed = (await readdir(DEFAULT_MIGRATIONS_DIR)).filter((n) => /^\d{14}_/.test(n)).sort();
    if (committed.length === 1) {
      const first = await readFile(join(DEFAULT_MIGRATIONS_DIR, committed[0]!, 'migration.sql'), 'utf8');
      expect(created?.sql).toBe(first);
    }

    const again = await createMigration({
      schemaPath: DEFAULT_SCHEMA_PATH,
      migrationsDir: dir,
      name: 'again',
      shadow: await shadow(),
    });
    expect(again).toBeNull();
  });
});
