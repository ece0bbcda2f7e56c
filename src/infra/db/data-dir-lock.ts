// One process at a time per embedded database folder: two processes writing one PGlite folder
// corrupt it, and PGlite does not guard against that.
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseUnavailableError, describeError } from '../db-errors.js';

// A lock file in the folder (`<dataDir>/stat-bot.lock`, holding the pid; PGlite ignores it) keeps
// a second process (say `stat db migrate` while the bot runs) out with a clear message. A lock
// whose process is gone is taken over.

export const LOCK_FILE = 'stat-bot.lock';

const heldLocks = new Set<string>();
let exitHookInstalled = false;

export function lockDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, LOCK_FILE);
  if (heldLocks.has(lockPath)) {
    throw new DatabaseUnavailableError(
      'in_use',
      `The embedded database in ${dataDir} is already open in this process — close it first.`,
    );
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldLocks.add(lockPath);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once('exit', () => {
          for (const path of heldLocks) tryUnlink(path);
        });
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldLocks.delete(lockPath);
        tryUnlink(lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DatabaseUnavailableError(
          'data_dir',
          `Cannot lock the database folder ${dataDir}: ${describeError(error)}`,
          { cause: error },
        );
      }
      const holder = readLockHolder(lockPath);
      if (holder !== null && holder !== process.pid && processIsAlive(holder)) {
        throw new DatabaseUnavailableError(
          'in_use',
          `The embedded database in ${dataDir} is in use by another process (pid ${holder}) — stop it first (only one process may open a PGlite folder; use PostgreSQL to share).`,
        );
      }
      tryUnlink(lockPath); // stale: its process is gone
    }
  }
  throw new DatabaseUnavailableError('in_use', `Cannot take the lock ${lockPath} for the database folder ${dataDir}.`);
}

function readLockHolder(lockPath: string): number | null {
  try {
    if (!existsSync(lockPath)) return null;
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
