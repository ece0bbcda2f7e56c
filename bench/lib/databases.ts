// Which databases a benchmark can run on: always PGlite; PostgreSQL when TEST_DATABASE_URL is set or
// the throwaway server of scripts/ci-postgres.sh is running. `npm run bench` (run-all.ts) starts
// one of its own when neither is there, so every run compares both.
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

/**
 * Without TEST_DATABASE_URL: a throwaway PostgreSQL on loopback (scripts/ci-postgres.sh, on a port
 * and folder of its own so a test server already running is left alone), stopped again by `stop`.
 * Null when TEST_DATABASE_URL is set (that server is used as it is).
 */
export async function startThrowawayPostgres(): Promise<{ url: string; stop(): Promise<void> } | null> {
  if (process.env.TEST_DATABASE_URL?.trim()) return null;
  const env = { ...process.env, CI_PG_PORT: '55439', CI_PG_DATA: '/tmp/stat-bot-bench-pgdata' };
  const script = (command: string) =>
    promisify(execFile)('bash', ['scripts/ci-postgres.sh', command], { env, timeout: 300_000 });
  const { stdout } = await script('start');
  const url = stdout.trim().split('\n').pop()!.trim();
  return {
    url,
    stop: async () => {
      await script('stop').catch(() => {});
    },
  };
}
