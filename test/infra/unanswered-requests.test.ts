// After-ack work waits while a request is unanswered (issue 11): the count goes up where a
// transport first sees a request and down once, when it is answered; the wait ends when it is
// zero, or after its longest wait.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { afterAck } from '../../src/handlers/shared/listener-kit.js';
import {
  countUnansweredRequests,
  noRequestUnanswered,
  requestArrived,
  unansweredRequests,
} from '../../src/infra/unanswered-requests.js';

/** A few turns of the event loop. */
async function turns(n = 5) {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('unanswered requests', () => {
  afterEach(() => expect(unansweredRequests()).toBe(0));

  it('hold the wait until the last one is answered; answering twice counts once', async () => {
    const first = requestArrived();
    const second = requestArrived();
    let waited = false;
    const wait = noRequestUnanswered(10_000).then(() => {
      waited = true;
    });
    first();
    first();
    await turns();
    expect([waited, unansweredRequests()]).toEqual([false, 1]);
    second();
    await wait;
    expect(waited).toBe(true);
  });

  it('hold it until none has come in for a moment, even when each was answered at once', async () => {
    requestArrived()();
    const started = performance.now();
    let waited = false;
    const wait = noRequestUnanswered(10_000, 60).then(() => {
      waited = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    requestArrived()(); // another of the burst, 30 ms in: the quiet starts again
    await new Promise((resolve) => setTimeout(resolve, 45));
    expect(waited).toBe(false);
    await wait;
    expect(performance.now() - started).toBeGreaterThanOrEqual(85);
  });

  it('hold it no longer than its longest wait', async () => {
    const answered = requestArrived();
    const started = Date.now();
    await noRequestUnanswered(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    answered();
  });

  it('hold back work queued after an ack until the other requests are acked', async () => {
    const other = requestArrived();
    let ran = false;
    const work = afterAck(async () => {
      ran = true;
    });
    await turns(20);
    expect(ran).toBe(false);
    other();
    await work;
    expect(ran).toBe(true);
  });

  it('over HTTP, count a request from its headers until its body is read (processEvent counts it on)', async () => {
    const seen: number[] = [];
    const server: Server = createServer((req, res) => {
      seen.push(unansweredRequests());
      req.resume();
      req.on('end', () =>
        // The response not sent yet, as with processBeforeResponse: the listener is still working.
        setImmediate(() => {
          seen.push(unansweredRequests());
          res.end('ok');
        }),
      );
    });
    countUnansweredRequests(server);
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'payload=x' });
      expect(await answer.text()).toBe('ok');
      expect(seen).toEqual([1, 0]);
      await turns();
    } finally {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    }
  });
});
