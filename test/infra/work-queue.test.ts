// The after-ack work queue: at most `limit` jobs at once, urgent ones first, each in the async
// context it was queued from, a nested job never waiting on its parent's slot, failures passed on.
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { createWorkQueue } from '../../src/infra/work-queue.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** A few turns of the event loop: jobs start on a later turn (setImmediate). */
async function tick() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('createWorkQueue', () => {
  it('runs at most `limit` jobs at once, urgent ones before those already waiting', async () => {
    const queue = createWorkQueue(2);
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof gate>>();
    const job = (name: string) => () => {
      started.push(name);
      const g = gate();
      gates.set(name, g);
      return g.opened.then(() => name);
    };
    const done = [
      queue.run(job('a')),
      queue.run(job('b')),
      queue.run(job('c')),
      queue.run(job('d')),
      queue.run(job('urgent'), { urgent: true }),
    ];
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(queue.size).toEqual({ running: 2, waiting: 3 });
    gates.get('a')!.open();
    await tick();
    expect(started).toEqual(['a', 'b', 'urgent']);
    gates.get('b')!.open();
    gates.get('urgent')!.open();
    await tick();
    expect(started).toEqual(['a', 'b', 'urgent', 'c', 'd']);
    gates.get('c')!.open();
    gates.get('d')!.open();
    expect(await Promise.all(done)).toEqual(['a', 'b', 'c', 'd', 'urgent']);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it('passes a failure on and frees the slot', async () => {
    const queue = createWorkQueue(1);
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(async () => 'next')).resolves.toBe('next');
  });

  it('runs each job in the async context it was queued from', async () => {
    const queue = createWorkQueue(1);
    const request = new AsyncLocalStorage<string>();
    const first = gate();
    const seen: (string | undefined)[] = [];
    const a = request.run('req-a', () =>
      queue.run(async () => {
        seen.push(request.getStore());
        await first.opened;
      }),
    );
    const b = request.run('req-b', () =>
      queue.run(async () => {
        seen.push(request.getStore());
      }),
    );
    await tick();
    first.open();
    await Promise.all([a, b]);
    expect(seen).toEqual(['req-a', 'req-b']);
  });

  it('runs a job queued from inside a running job at once, instead of waiting for its parent’s slot', async () => {
    const queue = createWorkQueue(1);
    const inner = await Promise.race([
      queue.run(() => queue.run(async () => 'inner', { urgent: true })),
      new Promise((resolve) => setTimeout(() => resolve('deadlock'), 500)),
    ]);
    expect(inner).toBe('inner');
  });

  it('frees the slot of a job that hangs past holdMs, and still settles that job when it ends', async () => {
    const queue = createWorkQueue(1, { holdMs: 50 });
    const hung = gate();
    const stuck = queue.run(() => hung.opened.then(() => 'late'));
    const next = await Promise.race([
      queue.run(async () => 'next'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1_000)),
    ]);
    expect(next).toBe('next');
    hung.open();
    expect(await stuck).toBe('late');
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });
});
