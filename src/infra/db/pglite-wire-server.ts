// PGlite behind the PostgreSQL wire protocol, on a Unix socket, inside the database worker thread.
//
// PGlite is one backend with one session; several client connections share it. What makes that
// safe is how turns are taken:
// - A turn is a whole batch of frontend messages up to a point where the client waits for answers
//   (Sync, a simple Query, Flush, Terminate, or the startup message), never a single message: the
//   extended protocol keeps its unnamed statement and portal in the session, so one client's
//   Parse / Bind / Execute must not interleave with another's.
// - A client whose batch leaves a transaction open keeps the database until its transaction ends
//   (or it disconnects, which rolls it back); the others queue, as they would on a row lock.
// (`@electric-sql/pglite-socket` queues single messages, which lets two clients' Parse/Bind
// interleave outside transactions, hence this small server of our own.)
// Session settings are shared by every connection: clients use SET LOCAL, never SET.
// - PGlite answers a failed Parse / Bind / Describe / Execute with ErrorResponse *and* ReadyForQuery,
//   then answers the Sync with a second ReadyForQuery (electric-sql/pglite#958). PostgreSQL sends
//   ReadyForQuery only for a Sync or a Query, and pg counts on it: the extra one ends the client's
//   next query early, with no rows, and every later answer on that connection belongs to the query
//   before it. So ReadyForQuery is passed on only in answer to Sync, Query or the startup message.

import { existsSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
/** Message types after which the client waits for the backend's answers. */
const BATCH_ENDS = new Set(['S', 'Q', 'H', 'X'].map((c) => c.charCodeAt(0)));
const TERMINATE = 'X'.charCodeAt(0);
/** Frontend messages that PostgreSQL answers with ReadyForQuery. */
const READY_ANSWERS = new Set(['S', 'Q'].map((c) => c.charCodeAt(0)));
const READY_FOR_QUERY = 'Z'.charCodeAt(0);

export interface WireServer {
  /** Runs `sql` when no client holds the database (between transactions); clients wait meanwhile. */
  maintain(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function serveWireProtocol(db: PGlite, socketPath: string): Promise<WireServer> {
  const turns = new Turns(db);
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const session = new Session(socket, turns);
    socket.on('data', (chunk: Buffer) => session.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      void session.closed();
    });
  });
  if (existsSync(socketPath)) unlinkSync(socketPath);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(socketPath, () => done());
  });
  return {
    maintain: (sql) => turns.alone(() => db.exec(sql)),
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/** Who may use the database now: one batch at a time, or one client for a whole transaction. */
class Turns {
  private owner: Session | null = null;
  private readonly waiting: Array<{ session: Session; start: () => void }> = [];
  constructor(readonly db: PGlite) {}

  async take(session: Session): Promise<void> {
    if (this.owner === session) return;
    if (this.owner === null && this.waiting.length === 0) {
      this.owner = session;
      return;
    }
    await new Promise<void>((start) => this.waiting.push({ session, start }));
  }

  /** Runs `work` as a turn of its own, as a client's batch would be. */
  async alone(work: () => Promise<unknown>): Promise<void> {
    const self = {} as Session; // a turn-holder that is no connection
    await this.take(self);
    try {
      await work(); // PGlite's own calls take its query lock themselves
    } finally {
      this.handOver();
    }
  }

  /** After a batch: keep the database for an open transaction, else pass it on. */
  done(session: Session): void {
    if (this.owner !== session || this.db.isInTransaction()) return;
    this.handOver();
  }

  /** A client went away: undo its open transaction and pass the database on. */
  async abandon(session: Session): Promise<void> {
    const index = this.waiting.findIndex((w) => w.session === session);
    if (index >= 0) this.waiting.splice(index, 1);
    if (this.owner !== session) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => {});
    this.handOver();
  }

  private handOver(): void {
    const next = this.waiting.shift();
    this.owner = next?.session ?? null;
    next?.start();
  }
}

class Session {
  private pending: Buffer = Buffer.alloc(0);
  private batch: Frame[] = [];
  private started = false;
  private chain: Promise<void> = Promise.resolve();
  private gone = false;

  constructor(
    private readonly socket: Socket,
    private readonly turns: Turns,
  ) {}

  receive(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      const frame = this.nextFrame();
      if (!frame) return;
      if (frame.ends) {
        const batch = [...this.batch, frame];
        this.batch = [];
        this.chain = this.chain.then(() => this.run(batch));
      } else {
        this.batch.push(frame);
      }
    }
  }

  async closed(): Promise<void> {
    this.gone = true;
    await this.chain.catch(() => {});
    await this.turns.abandon(this);
  }

  private nextFrame(): Frame | null {
    const buf = this.pending;
    if (!this.started) {
      if (buf.length < 8) return null;
      const length = buf.readInt32BE(0);
      if (buf.length < length) return null;
      this.pending = buf.subarray(length);
      const code = buf.readInt32BE(4);
      if (code === SSL_REQUEST) {
        this.socket.write('N'); // no TLS on a private Unix socket; the client goes on in plain text
        return this.nextFrame();
      }
      if (code === CANCEL_REQUEST) {
        this.socket.end();
        return null;
      }
      this.started = true;
      return { bytes: new Uint8Array(buf.subarray(0, length)), ends: true, answeredWithReady: true };
    }
    if (buf.length < 5) return null;
    const length = 1 + buf.readInt32BE(1);
    if (buf.length < length) return null;
    this.pending = buf.subarray(length);
    const type = buf[0]!;
    if (type === TERMINATE) {
      this.socket.end();
      return null;
    }
    return {
      bytes: new Uint8Array(buf.subarray(0, length)),
      ends: BATCH_ENDS.has(type),
      answeredWithReady: READY_ANSWERS.has(type),
    };
  }

  private async run(batch: Frame[]): Promise<void> {
    if (this.gone) return;
    await this.turns.take(this);
    // The answers to a batch leave in one write: the client reads none of them before the last,
    // and PGlite hands its output over in several pieces per message it runs (one system call
    // each, a tenth of this thread's time under the ack bench's 50 forms).
    this.socket.cork();
    try {
      if (this.gone) return;
      await this.turns.db.runExclusive(async () => {
        const send = (bytes: Buffer) => {
          if (!this.gone && this.socket.writable) this.socket.write(bytes);
        };
        for (const frame of batch) {
          // `data` is a view into PGlite's memory: both paths copy it before it is sent.
          const onRawData = frame.answeredWithReady
            ? (data: Uint8Array) => send(Buffer.from(data))
            : withoutReadyForQuery(send);
          await this.turns.db.execProtocolRawStream(frame.bytes, { onRawData });
        }
      });
    } catch {
      this.socket.destroy(); // a protocol-level failure: the client sees the connection drop
    } finally {
      this.socket.uncork();
      this.turns.done(this);
    }
  }
}

interface Frame {
  bytes: Uint8Array;
  /** The client waits for answers after it. */
  ends: boolean;
  /** PostgreSQL answers it with ReadyForQuery (Sync, Query, the startup message). */
  answeredWithReady: boolean;
}

/**
 * A backend output stream with its ReadyForQuery messages taken out; the rest is passed on whole.
 * Messages may be split across chunks, so it keeps its place between calls.
 */
export function withoutReadyForQuery(send: (bytes: Buffer) => void): (chunk: Uint8Array) => void {
  let carry = Buffer.alloc(0); // the start of a message header that the chunk cut off
  let left = 0; // bytes of the current message still to come
  let keep = true;
  return (chunk) => {
    const data = Buffer.concat([carry, chunk]); // always a copy
    carry = Buffer.alloc(0);
    const kept: Buffer[] = [];
    let i = 0;
    while (i < data.length) {
      if (left === 0) {
        if (data.length - i < 5) {
          carry = data.subarray(i);
          break;
        }
        left = 1 + data.readInt32BE(i + 1);
        keep = data[i] !== READY_FOR_QUERY;
      }
      const n = Math.min(left, data.length - i);
      if (keep) kept.push(data.subarray(i, i + n));
      i += n;
      left -= n;
    }
    if (kept.length > 0) send(kept.length === 1 ? kept[0]! : Buffer.concat(kept));
  };
}
