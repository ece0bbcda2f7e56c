// Writing new migrations without `prisma migrate dev` (which needs the native engine): replay the
// existing migrations into a throwaway in-memory PGlite and let the WASM engine diff that database
// against prisma/schema.prisma. The diff script is what `prisma migrate dev` would write.
// Used by scripts/create-migration.ts (`npm run db:migration -- <name>`).

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE, readMigrationList } from './migrate.js';
import { pgliteAdapterFactory } from './pglite-adapter.js';
import { NO_EXTERNAL_ENTITIES, withSchemaEngine } from './schema-engine.js';

/**
 * Checks a migration name and normalises it: lower case, words joined by "_" ("-" and spaces
 * become "_"), letters and digits only otherwise, at most 80 characters. Throws on anything else.
 */
export function normaliseMigrationName(raw: string): string {
  const name = raw
    .trim()
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
  if (!/^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(name)) {
    throw new Error(
      `Invalid migration name "${raw}": use letters, digits and "_" (words may be separated by "-" or spaces), e.g. add_meeting_notes.`,
    );
  }
  if (name.length > 80) throw new Error(`Migration name too long (${name.length} > 80 characters).`);
  return name;
}

/** UTC `YYYYMMDDHHMMSS` as Prisma writes it, moved on if needed to sort after every existing one. */
export function nextMigrationTimestamp(existing: readonly string[], now: Date = new Date()): string {
  const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const latest = existing
    .map((name) => name.slice(0, 14))
    .filter((s) => /^\d{14}$/.test(s))
    .sort()
    .at(-1);
  if (latest === undefined || stamp(now) > latest) return stamp(now);
  // The clock is behind the newest migration (or in the same second): one second after it.
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(latest) ?? [];
  const after = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + 1000;
  return stamp(new Date(after));
}

export interface DiffOptions {
  schemaPath: string;
  migrationsDir: string;
  /** An empty PGlite to replay into (left open). Default: a new in-memory one, closed afterwards. */
  shadow?: PGlite;
}

/** The SQL taking a database at the end of the migration history to the schema; null if none. */
export async function diffSchemaAgainstMigrations(options: DiffOptions): Promise<string | null> {
  const schema = { path: options.schemaPath, content: await readFile(options.schemaPath, 'utf8') };
  const migrationsList = await readMigrationList(options.migrationsDir);
  const shadow = options.shadow ?? (await PGlite.create());
  try {
    return await withSchemaEngine(pgliteAdapterFactory(shadow), async (engine) => {
      if (migrationsList.migrationDirectories.length > 0) {
        await engine.applyMigrations({ migrationsList, filters: NO_EXTERNAL_ENTITIES });
      }
      const diff = await engine.diff({
        from: { tag: 'schemaDatasource', files: [schema], configDir: dirname(options.schemaPath) },
        to: { tag: 'schemaDatamodel', files: [schema] },
        script: true,
        exitCode: true,
        filters: NO_EXTERNAL_ENTITIES,
      });
      // With exitCode: true the engine answers 0 for "no difference" and 2 for a difference.
      return diff.exitCode === 0 || !diff.stdout?.trim() ? null : diff.stdout;
    });
  } finally {
    if (!options.shadow) await shadow.close();
  }
}

export interface CreatedMigration {
  /** `<timestamp>_<name>` */
  name: string;
  /** Full path of the new migration.sql. */
  file: string;
  sql: string;
}

/**
 * Writes `<migrationsDir>/<timestamp>_<name>/migration.sql` (and migration_lock.toml if missing)
 * when the schema differs from the migration history. Returns null when nothing differs.
 */
export async function createMigration(
  options: DiffOptions & { name: string; now?: Date },
): Promise<CreatedMigration | null> {
  const name = normaliseMigrationName(options.name);
  const sql = await diffSchemaAgainstMigrations(options);
  if (sql === null) return null;
  const existing = (await readMigrationList(options.migrationsDir)).migrationDirectories.map((d) => d.path);
  const folder = `${nextMigrationTimestamp(existing, options.now)}_${name}`;
  const dir = join(options.migrationsDir, folder);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'migration.sql');
  await writeFile(file, sql);
  const lockPath = join(options.migrationsDir, MIGRATION_LOCK_FILE);
  if (!existsSync(lockPath)) await writeFile(lockPath, MIGRATION_LOCK_CONTENT);
  return { name: folder, file, sql };
}
