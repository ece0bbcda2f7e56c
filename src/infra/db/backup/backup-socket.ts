// `stat backup` while the bot runs on embedded PGlite: only one process may open the folder, so
// the command asks the running bot to take the backup. The bot listens on a Unix socket inside
// the database folder (mode 0600: only the account that owns the data can ask), reads one JSON
// request line, writes the backup from its own open database and answers with one JSON line.
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import type { Database } from '../client.js';
import { type BackupSummary, type BackupTarget, writeBackup } from './write-backup.js';

export const BACKUP_SOCKET = 'stat-bot-backup.sock';
/** Unix socket paths are limited to ~107 bytes; longer folders fall back to "stop the bot first". */
const MAX_SOCKET_PATH = 100;

type Reply = { ok: true; summary: BackupSummary } | { ok: false; error: string };

export function backupSocketPath(dataDir: string): string | null {
  const path = join(resolve(dataDir), BACKUP_SOCKET);
  return path.length <= MAX_SOCKET_PATH ? path : null;
}

/** Serves backup requests for `db` (PGlite in `dataDir`) until closed. Null when the path is too long. */
export async function serveBackups(
  db: Database,
  dataDir: string,
  onError: (err: unknown) => void,
): Promise<{ close(): Promise<void> } | null> {
  const path = backupSocketPath(dataDir);
  if (!path) return null;
  // The folder lock is ours, so a socket file left here belongs to a process that is gone.
  if (existsSync(path)) unlinkSync(path);
  const server: Server = createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      const reply = (r: Reply) => socket.end(`${JSON.stringify(r)}\n`);
      handle(db, buffer.slice(0, end)).then(reply, (err: unknown) => {
        onError(err);
        reply({ ok: false, error: err instanceof Error ? err.message : String(err) });
      });
    });
    socket.on('error', onError);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(path, () => done());
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        if (existsSync(path)) unlinkSync(path);
      }),
  };
}

async function handle(db: Database, line: string): Promise<Reply> {
  const request = JSON.parse(line) as { target?: BackupTarget; now?: string };
  if (!request.target) return { ok: false, error: 'no target in the request' };
  return { ok: true, summary: await writeBackup(db, request.target, new Date(request.now ?? Date.now())) };
}

/** Asks the bot holding `dataDir` for a backup. Null when no bot answers on the socket. */
export async function requestBackup(dataDir: string, target: BackupTarget, now: Date): Promise<BackupSummary | null> {
  const path = backupSocketPath(dataDir);
  if (!path || !existsSync(path)) return null;
  const reply = await new Promise<Reply | null>((done) => {
    const socket = createConnection(path);
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify({ target, now: now.toISOString() })}\n`));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
    });
    socket.on('end', () => {
      try {
        done(JSON.parse(buffer) as Reply);
      } catch {
        done(null);
      }
    });
    socket.on('error', () => done(null));
  });
  if (!reply) return null;
  if (!reply.ok) throw new Error(`the running bot could not take the backup: ${reply.error}`);
  return reply.summary;
}
