// `stat export [--out <dir>]`: writes values.csv, followups.csv and health.csv.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { openDatabase } from '../infra/db/client.js';
import { exportFollowUpsCsv, exportValuesCsv } from '../services/export/export-csv.js';
import { exportHealthCsv } from '../services/export/export-health-csv.js';

export async function runExport(outDir: string, config: Pick<Config, 'database'>): Promise<number> {
  const db = await openDatabase(config.database);
  try {
    await mkdir(outDir, { recursive: true });
    const values = path.join(outDir, 'values.csv');
    const followUps = path.join(outDir, 'followups.csv');
    await writeFile(values, await exportValuesCsv(db.prisma));
    await writeFile(followUps, await exportFollowUpsCsv(db.prisma));
    const health = path.join(outDir, 'health.csv');
    await writeFile(health, await exportHealthCsv(db.prisma, new Date()));
    console.log(`Wrote ${values}, ${followUps} and ${health}`);
    return 0;
  } finally {
    await db.close();
  }
}
