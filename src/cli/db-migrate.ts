// `stat db migrate`: apply pending migrations (the bot also does this at start).
import { parseDatabaseConfig } from '../config.js';
import { openDatabase } from '../infra/db/client.js';

export async function runDbMigrate(env: Record<string, string | undefined>): Promise<number> {
  const db = await openDatabase({
    ...parseDatabaseConfig(env),
    onMigrated: (names: string[]) =>
      console.log(names.length ? `Applied: ${names.join(', ')}` : 'Database is up to date.'),
  });
  await db.close();
  return 0;
}
