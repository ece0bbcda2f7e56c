// Gives a thread's memory back once the thread has gone idle. While it works (loading modules at
// start, a burst of requests) V8 grows its new space to 16 MB per semi-space and fills old-space
// pages with objects that soon die; it never shrinks the one or compacts the other on its own while
// nothing allocates. Measured in the idle bot's main thread: new space grown to 16 MB, and old
// space 69–76 MB of pages for 34 MB of live objects (V8's ordinary full collection frees the dead
// objects but keeps the half-empty pages). A smaller cap for good (`--max-semi-space-size`) made
// the agenda 2× slower, so the heap is left to grow when busy and is given back by a full
// collection (compacting when old-space pages are free) once the thread has done (almost) nothing
// for a whole check interval: only when there is something to give back, a few times at most per
// idle spell, never while requests are being served. On the main thread the C library's free
// memory goes back with it (malloc-trim.ts).
import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { mallocTrim, type TrimMalloc } from './malloc-trim.js';

export const IDLE_GC = {
  /** How often the thread's event-loop utilisation is looked at. */
  checkEveryMs: 10_000,
  /** Idle: busy for at most this share of the last interval (2% = 200 ms of 10 s). */
  maxUtilization: 0.02,
  /** Worth a collection only when the new space has grown past this… */
  minNewSpaceBytes: 4 * 1024 * 1024,
  /** …or the old space's pages hold this much more than its live objects. */
  minOldSpaceFreeBytes: 8 * 1024 * 1024,
  /**
   * Collections in one idle spell at most. V8 shrinks the new space only at a collection that
   * finds the allocation rate of its last ~5 s low (measured: gc() every second after a burst
   * shrank it from the 6th on), so one sooner than that may leave it grown; what three could not
   * give back, more would not either.
   */
  maxCollectionsPerSpell: 3,
};

/**
 * Starts the check for the calling thread (the main thread, or a worker for its own heap); the
 * timer does not keep the process alive. Returns a function that stops it.
 */
export function collectWhenIdle(collect: Collect | undefined = idleCollection()): () => void {
  if (!collect) return () => {};
  let mark = performance.eventLoopUtilization();
  let collections = 0; // in this idle spell
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const utilization = performance.eventLoopUtilization(now, mark).utilization;
    mark = now;
    if (utilization > IDLE_GC.maxUtilization) {
      collections = 0;
      return;
    }
    if (collections >= IDLE_GC.maxCollectionsPerSpell) return;
    const oldSpaceFree = oldSpaceFreeBytes() >= IDLE_GC.minOldSpaceFreeBytes;
    if (newSpaceBytes() < IDLE_GC.minNewSpaceBytes && !oldSpaceFree) return;
    collect({ compact: oldSpaceFree });
    collections++;
    mark = performance.eventLoopUtilization(); // the collection itself is not work to count
  }, IDLE_GC.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function newSpaceBytes(): number {
  return space('new_space')?.space_size ?? 0;
}

/** Old-space pages not holding live objects (after the last collection's sweep). */
export function oldSpaceFreeBytes(): number {
  const old = space('old_space');
  return old ? old.space_size - old.space_used_size : 0;
}

function space(name: string) {
  return getHeapSpaceStatistics().find((s) => s.space_name === name);
}

export type Gc = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
/**
 * One full collection; `compact` when old-space pages hold enough free space to give back. That
 * moves every live object (~40 MB in the bot's main thread), about twice the time of one that does
 * not (on a loaded machine 120–310 ms against 100–130; a plain one takes 10–20 ms on a quiet one),
 * so it is not spent on a new space alone. The space used counts dead
 * objects until a collection has swept them, so after a burst the first collection may be plain
 * and the next (at the following check) compacting.
 */
export type Collect = (options: { compact: boolean }) => void;

/**
 * The idle collection. A compacting one also hands the old space's emptied pages back to the OS:
 * - V8 12 and later (Node 22, 24): gc()'s "last-resort" flavor, V8's memory-reducing collection.
 *   A plain gc() there compacts (with the flag below) but keeps the emptied pages in V8's page
 *   pool, still resident (measured: RSS unchanged 30 s later).
 * - V8 11 (Node 20) knows no flavor (gc() with any options collected nothing, measured), and its
 *   plain gc() compacts only pages V8's heuristics pick: compaction is asked for around the call.
 *   Its emptied pages go back to the OS a moment later (V8 unmaps them on a helper thread).
 * Bytecode flushing is off for these collections: V8 drops the bytecode of functions that have not
 * run for a few full collections, and the idle ones would otherwise make the next requests' code
 * cold again (`--trace-flush-bytecode` in the idle bot: a second idle collection discarded 336
 * functions' bytecode; the PostgreSQL bot, after one, none).
 * After the collection `trim` hands back the C library's free memory (malloc-trim.ts: 0.2–4 ms).
 */
export function idleCollection(trim: TrimMalloc | undefined = mainThreadTrim()): Collect | undefined {
  const gc = exposedGc();
  if (!gc) return undefined;
  const v8Major = Number(process.versions.v8.split('.')[0]);
  return ({ compact }) => {
    if (!compact) withV8Flags([], () => gc());
    else if (v8Major >= 12) withV8Flags([], () => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' }));
    else withV8Flags(['compact-on-every-full-gc'], () => gc());
    trim?.(); // what the collection freed to the C library (buffers, external strings) goes back too
  };
}

/**
 * The C library's trim, for the main thread's idle collection only: one call trims every thread's
 * arena (PGlite's too), and koffi then loads once. Trimming after PGlite's thread's collections as
 * well made no difference (196–206 MB in three bots side by side, against 191–205 MB).
 */
function mainThreadTrim(): TrimMalloc | undefined {
  return isMainThread ? mallocTrim() : undefined;
}

/** Runs `collect` with these V8 flags on and bytecode flushing off, then puts both back. */
function withV8Flags(on: string[], collect: () => void): void {
  for (const flag of on) setFlagsFromString(`--${flag}`);
  setFlagsFromString('--no-flush-bytecode');
  try {
    collect();
  } finally {
    setFlagsFromString('--flush-bytecode'); // Node's default, which the start script keeps
    for (const flag of on) setFlagsFromString(`--no-${flag}`);
  }
}

/**
 * V8's `gc()`, without asking every way of starting the bot for `--expose-gc`: the flag is read
 * when a context is created, so it is set here and `gc` taken from a fresh context (what Node's
 * own docs and test runners do). Undefined if this Node refuses.
 */
export function exposedGc(): Gc | undefined {
  const existing = (globalThis as { gc?: Gc }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as Gc) : undefined;
  } catch {
    return undefined;
  }
}
