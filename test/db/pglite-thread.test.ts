// The embedded database's thread and its wire-protocol server: several connections share PGlite's
// one session safely (whole batches take turns, an open transaction keeps the database).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPglite, emptySnapshot } from '../../local-stack/test-db.js';
import { PGLITE_SETTINGS, type PgliteThread, startPgliteThread } from '../../src/infra/db/pglite-thread.js';
import { serveWireProtocol, withoutReadyForQuery } from '../../src/infra/db/pglite-wire-server.js';

/** One backend message: its type, then its length (counting itself) and body. */
const message = (type: string, body: string) => {
  const bytes = Buffer.alloc(5 + body.length);
  bytes.write(type, 0);
  bytes.writeInt32BE(4 + body.length, 1);
  bytes.write(body, 5);
  return bytes;
};

describe('withoutReadyForQuery', () => {
  it('takes out ReadyForQuery messages however the stream is cut into chunks', () => {
    const kept = [message('1', ''), message('E', 'SERROR\0Mno\0\0'), message('D', '\0\x01\0\0\0\x01Z')];
    const stream = Buffer.concat([kept[0]!, message('Z', 'I'), kept[1]!, kept[2]!, message('Z', 'E')]);
    for (let size = 1; size <= stream.length; size++) {
      const sent: Buffer[] = [];
      const push = withoutReadyForQuery((bytes) => sent.push(Buffer.from(bytes)));
      for (let at = 0; at < stream.length; at += size) push(stream.subarray(at, at + size));
      expect(Buffer.concat(sent)).toEqual(Buffer.concat(kept));
    }
  });
});

describe('PGlite in its own thread, over the wire protocol', () => {
  let thread: PgliteThread;
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: thread.url });
    client.on('error', () => {}); // a client we destroy on purpose
    await client.connect();
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    thread = await startPgliteThread({ snapshot: await emptySnapshot() });
  });
  afterAll(async () => {
    for (const client of clients) await client.end().catch(() => {});
    await thread?.close();
  });

  it("keeps each client's parameterised queries apart when they arrive at once", async () => {
    const three = [await connect(), await connect(), await connect()];
    // A different statement per client: a Bind that reached another client's Parse would show.
    const asks = Array.from({ length: 150 }, (_, i) => ({ via: i % 3, n: i }));
    const answers = await Promise.all(
      asks.map(({ via, n }) =>
        three[via]!.query<{ n: number; via: number }>(`SELECT $1::int AS n, ${via} AS via`, [n]),
      ),
    );
    expect(answers.map((r) => r.rows[0])).toEqual(asks.map(({ n, via }) => ({ n, via })));
  });

  it('holds other clients back while a transaction is open, and lets them see only what was committed', async () => {
    const [writer, reader] = [await connect(), await connect()];
    await writer.query('CREATE TABLE held (n int)');
    await writer.query('BEGIN');
    await writer.query('INSERT INTO held VALUES (1)');
    let read: number | undefined;
    const reading = reader.query<{ c: number }>('SELECT count(*)::int AS c FROM held').then((r) => {
      read = r.rows[0]!.c;
    });
    await new Promise((done) => setTimeout(done, 200));
    expect(read).toBeUndefined();
    await writer.query('INSERT INTO held VALUES (2)');
    await writer.query('COMMIT');
    await reading;
    expect(read).toBe(2);
  });

  it('rolls back the open transaction of a client that goes away', async () => {
    const [quitter, other] = [await connect(), await connect()];
    await quitter.query('BEGIN');
    await quitter.query('CREATE TABLE abandoned (n int)');
    await quitter.end(); // Terminate, with the transaction still open
    const { rows } = await other.query<{ gone: boolean }>(`SELECT to_regclass('abandoned') IS NULL AS gone`);
    expect(rows[0]!.gone).toBe(true);
  });

  it('answers the query after a failed one with its own rows, in a transaction or not (pglite#958)', async () => {
    const client = await connect();
    await client.query('CREATE TABLE answered (n int PRIMARY KEY)');
    await client.query('INSERT INTO answered VALUES (1)');
    // pg sends the next query as soon as the failed one is answered: an extra ReadyForQuery after
    // the error ended it early, with no rows, and shifted every later answer by one.
    const failing = () => client.query('SELECT 1 / $1::int AS n', [0]);
    const [failed, next, after] = await Promise.allSettled([
      failing(),
      client.query<{ c: number }>('SELECT count(*)::int AS c FROM answered'),
      client.query<{ n: number }>('SELECT $1::int AS n', [7]),
    ]);
    expect(failed.status).toBe('rejected');
    expect(next.status === 'fulfilled' && next.value.rows).toEqual([{ c: 1 }]);
    expect(after.status === 'fulfilled' && after.value.rows).toEqual([{ n: 7 }]);

    await client.query('BEGIN');
    await expect(client.query('INSERT INTO answered VALUES ($1)', [1])).rejects.toThrow(/duplicate key/);
    await client.query('ROLLBACK');
    const { rows } = await client.query<{ c: number }>('SELECT count(*)::int AS c FROM answered');
    expect(rows).toEqual([{ c: 1 }]);
  });

  it("runs PGlite with the thread's memory settings (shared memory is resident from the start)", async () => {
    const client = await connect();
    const show = async (name: string) => (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name];
    expect(await show('shared_buffers')).toBe(PGLITE_SETTINGS.shared_buffers);
    expect(await show('max_connections')).toBe(PGLITE_SETTINGS.max_connections);
    // What those two are for: the shared memory (all of it resident) stays small.
    expect(Number.parseInt((await show('shared_memory_size'))!, 10)).toBeLessThanOrEqual(12); // 11 MB
  });
});

describe('maintenance of the embedded database (it has no autovacuum)', () => {
  it('has planner statistics from the start', async () => {
    const pglite = await createTestPglite();
    await pglite.exec('CREATE TABLE counted (n int); INSERT INTO counted SELECT generate_series(1, 1000)');
    const snapshot = await pglite.dumpDataDir('none');
    await pglite.close();
    const thread = await startPgliteThread({ snapshot });
    const client = new pg.Client({ connectionString: thread.url });
    try {
      await client.connect();
      const { rows } = await client.query<{ n: number }>(
        `SELECT reltuples::int AS n FROM pg_class WHERE relname = 'counted'`,
      );
      expect(rows).toEqual([{ n: 1000 }]); // -1 (never analysed) without the ANALYZE at start
    } finally {
      await client.end();
      await thread.close();
    }
  });

  it('runs between transactions: a client in one keeps it waiting until it ends', async () => {
    const pglite = await createTestPglite();
    const socketDir = await mkdtemp(join(tmpdir(), 'stat-wire-'));
    const server = await serveWireProtocol(pglite, join(socketDir, '.s.PGSQL.5432'));
    const client = new pg.Client({ connectionString: `postgres://postgres@localhost/postgres?host=${socketDir}` });
    try {
      await client.connect();
      await client.query('CREATE TABLE kept (n int)');
      await client.query('BEGIN');
      await client.query('INSERT INTO kept VALUES (1)');
      let vacuumed = false;
      const maintenance = server.maintain('VACUUM (ANALYZE) kept').then(() => {
        vacuumed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(vacuumed).toBe(false); // VACUUM cannot run inside the client's transaction
      await client.query('COMMIT');
      await maintenance;
      const { rows } = await client.query<{ n: number }>(
        `SELECT reltuples::int AS n FROM pg_class WHERE relname = 'kept'`,
      );
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await client.end();
      await server.close();
      await pglite.close();
      await rm(socketDir, { recursive: true, force: true });
    }
  });
});
