// Starts scripts/replica-worker.ts as a separate process — a second (or third) bot replica with its
// own database pool and Slack client — and speaks its line protocol. Used by the replica tests and
// bench/replicas-fanout.ts.
//
//   const a = startReplica({ ...shared, workerId: 'a', holdAt: 10 });
//   await a.ready; a.start();
//   await a.next('holding'); await a.kill();     // SIGKILL while it holds claimed rows
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface ReplicaOptions {
  databaseUrl: string;
  slackApiUrl: string;
  workerId: string;
  leaseMs: number;
  /** The logical time the replicas share at `epochMs` (real Date.now()). */
  now: Date;
  epochMs: number;
  /** Stop before this send (0-based count of sends done) and wait for go(). */
  holdAt?: number;
  /** Minimum gap between two sends of this replica. Default 0. */
  paceMs?: number;
}

export interface ReplicaEvent {
  type: 'ready' | 'run' | 'holding' | 'done';
  [key: string]: unknown;
}

export interface Replica {
  readonly workerId: string;
  readonly events: ReplicaEvent[];
  readonly ready: Promise<void>;
  /** Resolves with the exit code (null when killed) once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  start(): void;
  go(): void;
  /** The next event of this type (or one that already came and was not waited for yet). */
  next(type: ReplicaEvent['type'], timeoutMs?: number): Promise<ReplicaEvent>;
  /** Sends counted from its own reports (a killed replica's last run never reports). */
  reportedSent(): number;
  kill(): Promise<void>;
  stderr(): string;
}

export function startReplica(opts: ReplicaOptions): Replica {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/replica-worker.ts'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      REPLICA_DATABASE_URL: opts.databaseUrl,
      REPLICA_SLACK_API_URL: opts.slackApiUrl,
      REPLICA_WORKER_ID: opts.workerId,
      REPLICA_LEASE_MS: String(opts.leaseMs),
      REPLICA_NOW: opts.now.toISOString(),
      REPLICA_EPOCH_MS: String(opts.epochMs),
      REPLICA_PACE_MS: String(opts.paceMs ?? 0),
      ...(opts.holdAt !== undefined ? { REPLICA_HOLD_AT: String(opts.holdAt) } : {}),
    },
  });
  const events: ReplicaEvent[] = [];
  const consumed = new Set<ReplicaEvent>();
  const listeners = new Set<() => void>();
  let errText = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errText += chunk.toString();
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      events.push(JSON.parse(line) as ReplicaEvent);
    } catch {
      errText += `${line}\n`;
    }
    for (const l of listeners) l();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  void exited.then(() => {
    for (const l of listeners) l();
  });
  let ended = false;
  void exited.then(() => {
    ended = true;
  });

  const next = (type: ReplicaEvent['type'], timeoutMs = 20_000) =>
    new Promise<ReplicaEvent>((resolve, reject) => {
      const check = () => {
        const hit = events.find((e) => e.type === type && !consumed.has(e));
        if (hit) {
          consumed.add(hit);
          cleanup();
          resolve(hit);
        } else if (ended) {
          cleanup();
          reject(new Error(`replica ${opts.workerId} ended before "${type}":\n${errText}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`replica ${opts.workerId}: no "${type}" within ${timeoutMs} ms:\n${errText}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  return {
    workerId: opts.workerId,
    events,
    ready: next('ready').then(() => undefined),
    exited,
    start: () => void child.stdin!.write('start\n'),
    go: () => void child.stdin!.write('go\n'),
    next,
    reportedSent: () => events.filter((e) => e.type === 'run').reduce((n, e) => n + Number(e.sent ?? 0), 0),
    async kill() {
      if (!ended) child.kill('SIGKILL');
      await exited;
    },
    stderr: () => errText,
  };
}
