// `stat db migrate`: apply pending migrations (the bot also does this at start).
import type { Config } from '../config.js';
import { openDatabase } from '../infra/db/client.js';

export async function runDbMigrate(config: Pick<Config, 'database'>): Promise<number> {
  const db = await openDatabase({
    ...config.database,
    onMigrated: (names: string[]) =>
      console.log(names.length ? `Applied: ${names.join(', ')}` : 'Database is up to date.'),
  });
  await db.close();
  return 0;
}
