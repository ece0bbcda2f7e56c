// npm run db:migration -- <name>    writes prisma/migrations/<UTC YYYYMMDDHHMMSS>_<name>/migration.sql
// npm run db:migration -- --check   exits 1 if prisma/schema.prisma has changes no migration covers
//
// Works without Prisma's native schema engine: see src/infra/db/migration-authoring.ts.

import { relative } from 'node:path';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, engineErrorMessage } from '../src/infra/db/migrate.js';
import {
  createMigration,
  diffSchemaAgainstMigrations,
  normaliseMigrationName,
} from '../src/infra/db/migration-authoring.js';

const USAGE = [
  'Usage: npm run db:migration -- <name>     e.g. add_meeting_notes',
  '       npm run db:migration -- --check    fail if schema.prisma has changes no migration covers',
].join('\n');

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  const check = args.includes('--check');
  const positional = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--check');
  if (unknown.length > 0 || (check ? positional.length > 0 : positional.length !== 1)) {
    console.error(USAGE);
    return 2;
  }
  const paths = { schemaPath: DEFAULT_SCHEMA_PATH, migrationsDir: DEFAULT_MIGRATIONS_DIR };
  const shown = (path: string) => relative(process.cwd(), path) || path;

  if (check) {
    const sql = await diffSchemaAgainstMigrations(paths);
    if (sql === null) {
      console.log(`No changes: ${shown(paths.schemaPath)} matches the migrations in ${shown(paths.migrationsDir)}.`);
      return 0;
    }
    console.error(
      `${shown(paths.schemaPath)} has changes that no migration covers. Run: npm run db:migration -- <name>\n\n${sql}`,
    );
    return 1;
  }

  const name = normaliseMigrationName(positional[0] ?? '');
  const created = await createMigration({ ...paths, name });
  if (created === null) {
    console.log(
      `No changes: ${shown(paths.schemaPath)} matches the migrations in ${shown(paths.migrationsDir)}; nothing written.`,
    );
  } else {
    console.log(`Created ${shown(created.file)}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`db:migration failed: ${engineErrorMessage(error)}`);
    process.exitCode = 1;
  },
);
