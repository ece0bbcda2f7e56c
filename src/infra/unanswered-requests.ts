// The requests Slack is still waiting on: received, not yet answered. Work that follows an ack
// waits until there are none (issue 11), so a burst of commands is acked first and worked on
// after: a listener's after-ack work runs on the same thread as the code that reads and acks the
// next request, and each piece of it (a query's result mapped, an agenda analysed, Block Kit
// built) held the acks queued behind it.
//
// Counted where each transport first sees a request, and ended exactly once:
//   countUnansweredRequests(server);  // HTTP: from its headers until its response is sent
//   const done = requestArrived();    // any transport, in App.processEvent (request-context.ts)
//   ...                               // acked
//   done();
// and one way out, for the after-ack queue:
//   await noRequestUnanswered();
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** The longest after-ack work waits for a quiet moment: under steady load it goes on anyway. */
export const MAX_WAIT_MS = 500;

let unanswered = 0;
const waiting = new Set<() => void>();

/** A request came in; call the returned function once it is answered (or its connection closed). */
export function requestArrived(): () => void {
  unanswered++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    unanswered--;
    if (unanswered === 0) for (const wake of [...waiting]) wake();
  };
}

/** Resolves when no request is waiting for its answer, or after `maxWaitMs`, whichever is first. */
export function noRequestUnanswered(maxWaitMs: number = MAX_WAIT_MS): Promise<void> {
  if (unanswered === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = () => {
      waiting.delete(wake);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(wake, maxWaitMs);
    waiting.add(wake);
  });
}

/** How many requests are unanswered now (tests, logs). */
export function unansweredRequests(): number {
  return unanswered;
}

/**
 * HTTP mode: a request is unanswered from the moment its headers are read, before Bolt reads its
 * body and checks its signature, until its response is sent or its connection closes.
 */
export function countUnansweredRequests(server: Server): void {
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    res.once('close', requestArrived());
  });
}
