// The database a bench bot process starts on, prepared beforehand by the parent so the bot's own
// start is a restart (migrations already applied, as on every start but the first): a PGlite
// folder in a temp directory, or a fresh database on the PostgreSQL server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/infra/db/client.js';
import type { PrismaClient } from '../../src/infra/db-types.js';
import { loadProgramFile } from '../../src/infra/program-file/load-program-file.js';
import { importProgram } from '../../src/services/program-import/import-program.js';
import { type DatabaseTarget, openBenchDatabase } from './databases.js';

export interface BotDatabase {
  /** Environment for bench/lib/ack-server.ts: BENCH_DATA_DIR or BENCH_DATABASE_URL. */
  env: Record<string, string>;
  /** Removes the folder / drops the database (after the bot has stopped). */
  remove(): Promise<void>;
}

export async function prepareBotDatabase(
  target: DatabaseTarget,
  programFile: string,
  now: Date,
  fill: (prisma: PrismaClient) => Promise<unknown>,
): Promise<BotDatabase> {
  const prepare = async (prisma: PrismaClient) => {
    const loaded = await loadProgramFile(programFile);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    await importProgram(prisma, loaded.value, { actor: 'bench', now });
    await fill(prisma);
  };
  if (target.kind === 'postgres') {
    const db = await openBenchDatabase(target);
    await prepare(db.prisma);
    await db.prisma.$disconnect();
    return { env: { BENCH_DATABASE_URL: db.url }, remove: () => db.close() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'stat-bench-pglite-'));
  const dataDir = join(dir, 'pglite');
  const db = await openDatabase({ dataDir });
  try {
    await prepare(db.prisma);
  } finally {
    await db.close();
  }
  return { env: { BENCH_DATA_DIR: dataDir }, remove: () => rm(dir, { recursive: true, force: true }) };
}
