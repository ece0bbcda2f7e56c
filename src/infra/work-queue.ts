// A small FIFO queue that runs at most `limit` jobs at once, with an urgent lane that goes first.
//
// Used for the work a listener does after its ack (issue 11): 50 `/stat agenda` commands arriving
// together each ack at once, but their analysis, queries and Block Kit all run on the main thread,
// and with all 50 in flight every turn of the event loop ran 50 pieces of that work before Node
// read the next request, so acks waited seconds. With a few at a time, each turn runs a few
// pieces and the next requests are read (and acked) in between; the rest wait their turn.
//
// A job runs in the async context it was queued from (AsyncResource.bind), so its log lines keep
// their own request id rather than that of the job that finished before it. A job queued from
// inside a running job of the same queue runs at once: waiting for a slot its parent holds could
// wait forever. A job that holds its slot longer than `holdMs` (a call that hangs) gives the slot
// up and goes on running, so one stuck request cannot stop everyone else's answers.
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface WorkQueue {
  /** Runs `job` when a slot is free (urgent jobs before all others); settles as the job does. */
  run<T>(job: () => Promise<T>, options?: { urgent?: boolean }): Promise<T>;
  /** Jobs running and waiting, for tests and logs. */
  readonly size: { running: number; waiting: number };
}

export interface WorkQueueOptions {
  /** A slot held longer than this is given up (the job goes on running). Default 15 s. */
  holdMs?: number;
  /**
   * Awaited in a job's slot before the job starts. Default: the next turn of the event loop, which
   * polls for I/O (the next requests) first.
   */
  beforeStart?: () => Promise<unknown>;
}

export function createWorkQueue(
  limit: number,
  { holdMs = 15_000, beforeStart = () => nextTurn() }: WorkQueueOptions = {},
): WorkQueue {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a work queue runs at least one job (${limit})`);
  const urgent: (() => void)[] = [];
  const normal: (() => void)[] = [];
  let running = 0;
  const inJob = new AsyncLocalStorage<true>();
  const next = () => {
    while (running < limit) {
      const start = urgent.shift() ?? normal.shift();
      if (!start) return;
      running++;
      start();
    }
  };
  return {
    run<T>(job: () => Promise<T>, options: { urgent?: boolean } = {}) {
      if (inJob.getStore()) return job();
      const bound = AsyncResource.bind(() => inJob.run(true, job));
      return new Promise<T>((resolve, reject) => {
        (options.urgent ? urgent : normal).push(() => {
          let held = true;
          const free = () => {
            if (!held) return;
            held = false;
            clearTimeout(timer);
            running--;
            next();
          };
          const timer = setTimeout(free, holdMs);
          timer.unref();
          beforeStart().then(bound).then(resolve, reject).finally(free);
        });
        next();
      });
    },
    get size() {
      return { running, waiting: urgent.length + normal.length };
    },
  };
}
