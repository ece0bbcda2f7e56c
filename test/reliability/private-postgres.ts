// A PostgreSQL server of a test's own (scripts/ci-postgres.sh on another port and data folder),
// for tests that stop and start it: stopping the shared server would break every other test file
// running at the same time.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

export interface PrivatePostgres {
  /** Server URL (the `postgres` database), for TEST_DATABASE_URL-style use. */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its data folder. */
  destroy(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = 56000 + (process.pid % 1000);
  const data = join(tmpdir(), `stat-bot-pg-${process.pid}`);
  const env = { ...process.env, CI_PG_PORT: String(port), CI_PG_DATA: data };
  const script = (command: 'start' | 'stop') =>
    run('bash', ['scripts/ci-postgres.sh', command], { cwd: ROOT, env, timeout: 90_000 });
  const { stdout } = await script('start');
  return {
    url: stdout.trim().split('\n').pop()!.trim(),
    stop: async () => void (await script('stop')),
    start: async () => void (await script('start')),
    destroy: async () => {
      await script('stop').catch(() => undefined);
      await rm(data, { recursive: true, force: true });
      await rm(`${data}.log`, { force: true });
    },
  };
}

/** initdb and pg_ctl are needed; CI has them (scripts/ci-postgres.sh installs them when missing). */
export async function canRunPostgres(): Promise<boolean> {
  try {
    await run('bash', ['-c', 'command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl'], { timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}
