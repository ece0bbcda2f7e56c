// Gives a thread's young generation back once the thread has gone idle. While it works (loading
// modules at start, a burst of requests) V8 grows its new space to 16 MB per semi-space, and it
// never shrinks it on its own while nothing allocates: 20–30 MB of RSS held by an idle bot
// (measured). A smaller cap for good (`--max-semi-space-size`) made the agenda 2× slower, so the
// space is left to grow when busy and is shrunk by one full collection once the thread has done
// (almost) nothing for a whole check interval. Only when the space has grown: at most one
// collection per busy spell, and never while requests are being served.
import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const IDLE_GC = {
  /** How often the thread's event-loop utilisation is looked at. */
  checkEveryMs: 10_000,
  /** Idle: busy for at most this share of the last interval (2% = 200 ms of 10 s). */
  maxUtilization: 0.02,
  /** Worth a collection (~10–20 ms) only when the new space has grown past this. */
  minNewSpaceBytes: 4 * 1024 * 1024,
};

/**
 * Starts the check for the calling thread (the main thread, or a worker for its own heap); the
 * timer does not keep the process alive. Returns a function that stops it.
 */
export function collectWhenIdle(gc: (() => void) | undefined = exposedGc()): () => void {
  if (!gc) return () => {};
  let mark = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const utilization = performance.eventLoopUtilization(now, mark).utilization;
    mark = now;
    if (utilization > IDLE_GC.maxUtilization) return;
    if (newSpaceBytes() < IDLE_GC.minNewSpaceBytes) return;
    gc();
    mark = performance.eventLoopUtilization(); // the collection itself is not work to count
  }, IDLE_GC.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function newSpaceBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * V8's `gc()`, without asking every way of starting the bot for `--expose-gc`: the flag is read
 * when a context is created, so it is set here and `gc` taken from a fresh context (what Node's
 * own docs and test runners do). Undefined if this Node refuses.
 */
function exposedGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
