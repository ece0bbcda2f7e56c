// Which databases a benchmark can run on: always in-memory PGlite; PostgreSQL when TEST_DATABASE_URL
// is set or the throwaway server of scripts/ci-postgres.sh is running (this never starts one).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';

export type PostgresTarget = { kind: 'postgres'; url: string; source: string };
export type DatabaseTarget = { kind: 'pglite' } | PostgresTarget;

export async function findPostgres(): Promise<PostgresTarget | null> {
  const fromEnv = process.env.TEST_DATABASE_URL?.trim();
  if (fromEnv) return { kind: 'postgres', url: fromEnv, source: 'TEST_DATABASE_URL' };
  try {
    // `status` prints the URL and exits 0 only when the server is up.
    const { stdout } = await promisify(execFile)('bash', ['scripts/ci-postgres.sh', 'status'], { timeout: 10_000 });
    const url = stdout.trim().split('\n').pop()?.trim();
    return url ? { kind: 'postgres', url, source: 'scripts/ci-postgres.sh' } : null;
  } catch {
    return null;
  }
}

/** A fresh migrated database on the target (createTestDatabase picks the kind from TEST_DATABASE_URL). */
export async function openBenchDatabase(target: DatabaseTarget): Promise<TestDatabase> {
  const saved = process.env.TEST_DATABASE_URL;
  if (target.kind === 'postgres') process.env.TEST_DATABASE_URL = target.url;
  else delete process.env.TEST_DATABASE_URL;
  try {
    return await createTestDatabase();
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  }
}
