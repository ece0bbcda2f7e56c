// The idle collection: once the thread has done nothing for a whole interval, a young generation
// grown by work is given back (V8 alone keeps it at its grown size while nothing allocates).
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { collectWhenIdle, IDLE_GC, newSpaceBytes } from '../../src/infra/idle-gc.js';

const saved = { ...IDLE_GC };
afterEach(() => Object.assign(IDLE_GC, saved));

/** Allocates short-lived objects with enough surviving for V8 to grow its new space. */
function work(): void {
  let keep: object[] = [];
  for (let i = 0; i < 400_000; i++) {
    keep.push({ i, s: `x${i}` });
    if (keep.length > 50_000) keep = [];
  }
}

describe('collectWhenIdle', () => {
  it('shrinks a grown new space once the thread is idle', { timeout: 40_000 }, async () => {
    work();
    const grown = newSpaceBytes();
    expect(grown).toBeGreaterThan(IDLE_GC.minNewSpaceBytes);
    IDLE_GC.checkEveryMs = 1000;
    const stop = collectWhenIdle();
    try {
      // One wait without allocating anything: polling would itself allocate, and V8 shrinks the
      // space at any collection that finds the allocation rate low, so only this tells the check apart.
      await sleep(12_000);
      expect(newSpaceBytes()).toBeLessThan(IDLE_GC.minNewSpaceBytes);
    } finally {
      stop();
    }
  });

  it('leaves a busy thread alone', { timeout: 20_000 }, async () => {
    IDLE_GC.checkEveryMs = 500;
    let collections = 0;
    const stop = collectWhenIdle(() => collections++);
    try {
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        work(); // busy most of every interval
        await sleep(1);
      }
      expect(newSpaceBytes()).toBeGreaterThan(IDLE_GC.minNewSpaceBytes);
      expect(collections).toBe(0);
    } finally {
      stop();
    }
  });
});
