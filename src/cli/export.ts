// `stat export [--out <dir>]`: writes values.csv and followups.csv.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { openDatabase } from '../infra/db/client.js';
import { exportFollowUpsCsv, exportValuesCsv } from '../services/export/export-csv.js';

export async function runExport(outDir: string, config: Pick<Config, 'database'>): Promise<number> {
  const db = await openDatabase(config.database);
  try {
    await mkdir(outDir, { recursive: true });
    const values = path.join(outDir, 'values.csv');
    const followUps = path.join(outDir, 'followups.csv');
    await writeFile(values, await exportValuesCsv(db.prisma));
    await writeFile(followUps, await exportFollowUpsCsv(db.prisma));
    console.log(`Wrote ${values} and ${followUps}`);
    return 0;
  } finally {
    await db.close();
  }
}
