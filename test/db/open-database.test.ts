// openDatabase: the persisted PGlite folder, its lock, and clear errors for unusable URLs.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, openDatabase } from '../../src/infra/db/client.js';
import { parsePostgresUrl } from '../../src/infra/db/postgres-url.js';
import { DatabaseUnavailableError } from '../../src/infra/db-errors.js';

async function openError(options: Parameters<typeof openDatabase>[0]): Promise<DatabaseUnavailableError> {
  const result = await openDatabase(options).then(
    async (db) => {
      await db.close();
      return null;
    },
    (error: unknown) => error,
  );
  expect(result).toBeInstanceOf(DatabaseUnavailableError);
  const error = result as DatabaseUnavailableError;
  expect(error.userMessage).not.toMatch(/\n/);
  return error;
}

describe('persisted PGlite', () => {
  let root: string;
  let dataDir: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'stat-pglite-'));
    dataDir = join(root, 'nested', 'pglite');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates the folder, migrates, and keeps data across a reopen', async () => {
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(first.appliedMigrations.length).toBeGreaterThan(0);
    await first.prisma.department.create({ data: { key: 'FIRE', name: 'Fire' } });

    // Only one process (or open) at a time per folder.
    const busy = await openError({ dataDir });
    expect(busy.reason).toBe('in_use');
    await first.close();
    await first.close(); // twice is fine

    const second = await openDatabase({ dataDir });
    try {
      expect(second.appliedMigrations).toEqual([]);
      expect((await second.prisma.department.findMany()).map((d) => d.key)).toEqual(['FIRE']);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('takes over a lock left by a process that is gone, refuses one held by a live process', async () => {
    const lockFile = join(dataDir, LOCK_FILE);
    await writeFile(lockFile, '2147483646\n'); // no such pid
    const db = await openDatabase({ dataDir, migrate: false });
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    await db.close();
    expect(existsSync(lockFile)).toBe(false);

    await writeFile(lockFile, `${process.ppid}\n`); // alive: our parent
    const error = await openError({ dataDir, migrate: false });
    expect(error.reason).toBe('in_use');
    expect(error.userMessage).toContain(`pid ${process.ppid}`);
    await rm(lockFile);
  }, 60_000);
});

describe('unusable DATABASE_URL', () => {
  it('an unreachable server', async () => {
    const error = await openError({ databaseUrl: 'postgres://x@127.0.0.1:1/db' });
    expect(error.reason).toBe('unreachable');
    expect(error.userMessage).toBe('Cannot reach PostgreSQL at 127.0.0.1:1 — is it running?');
  });

  it('a host name that does not resolve', async () => {
    const error = await openError({ databaseUrl: 'postgres://x:secret@no-such-host.invalid:5432/db' });
    expect(error.reason).toBe('unreachable');
    expect(error.userMessage).toMatch(/^Cannot reach PostgreSQL at no-such-host\.invalid:5432/);
    expect(error.userMessage).not.toContain('secret');
  });

  it.each([
    ['not a url at all'],
    ['mysql://user:secret@db.example/stat'],
    ['postgres://user:secret@db.example:99999/stat'],
    ['postgres://user:secret@/stat'],
  ])('a malformed URL: %s', async (url) => {
    const error = await openError({ databaseUrl: url });
    expect(error.reason).toBe('bad_url');
    expect(error.userMessage).toMatch(/DATABASE_URL/);
    expect(error.userMessage).not.toContain('secret');
  });

  it('parses the parts it may print, never the password', () => {
    expect(parsePostgresUrl('postgresql://stat:pw@db.internal:6543/citystat')).toEqual({
      host: 'db.internal',
      port: 6543,
      database: 'citystat',
      user: 'stat',
      display: 'db.internal:6543',
    });
    expect(parsePostgresUrl('postgres://stat@/citystat?host=/var/run/postgresql').display).toBe(
      '/var/run/postgresql (port 5432)',
    );
  });
});

// Needs a server: TEST_DATABASE_URL (see scripts/ci-postgres.sh, whose pg_hba demands a password
// from every role but the server user).
const serverUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!serverUrl)('PostgreSQL server errors', () => {
  const withParts = (change: (url: URL) => void) => {
    const url = new URL(serverUrl ?? 'postgres://localhost/');
    change(url);
    return url.toString();
  };

  it('wrong credentials', async () => {
    const error = await openError({
      databaseUrl: withParts((u) => {
        u.username = 'stat_no_such_role';
        u.password = 'wrong-password';
      }),
    });
    expect(error.reason).toBe('auth_failed');
    expect(error.userMessage).toMatch(/rejected the credentials for user "stat_no_such_role"/);
    expect(error.userMessage).not.toContain('wrong-password');
  });

  it('a database that does not exist', async () => {
    const error = await openError({ databaseUrl: withParts((u) => (u.pathname = '/stat_no_such_db')) });
    expect(error.reason).toBe('database_missing');
    expect(error.userMessage).toMatch(/^Database "stat_no_such_db" does not exist on PostgreSQL at /);
  });
});
