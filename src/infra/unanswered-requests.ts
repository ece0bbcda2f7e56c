// The requests Slack is still waiting on: received, not yet answered. Work that follows an ack
// waits until there are none (issue 11), so a burst of commands is acked first and worked on
// after: a listener's after-ack work runs on the same thread as the code that reads and acks the
// next request, and each piece of it (a query's result mapped, an agenda analysed, Block Kit
// built) held the acks queued behind it.
//
// Counted where each transport first sees a request, and ended exactly once:
//   countUnansweredRequests(server);  // HTTP: from its headers until its body is read
//   const done = requestArrived();    // any transport, in App.processEvent (request-context.ts)
//   ...                               // acked
//   done();
// and one way out, for the after-ack queue (no request unanswered, none come in for a moment):
//   await noRequestUnanswered();
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** The longest after-ack work waits for a quiet moment: under steady load it goes on anyway. */
export const MAX_WAIT_MS = 500;
/**
 * How long no request must have come in. Requests of a burst arrive one by one, each often acked
 * before the next is read (in the ack bench, 50 requests came over 30–250 ms and the count fell to
 * zero between 49 of them), so "none unanswered" alone let the work start in every gap.
 */
export const QUIET_MS = 25;

let unanswered = 0;
let lastArrival = Number.NEGATIVE_INFINITY;
const waiting = new Set<() => void>();

/** A request came in; call the returned function once it is answered (or its connection closed). */
export function requestArrived(): () => void {
  unanswered++;
  lastArrival = performance.now();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    unanswered--;
    if (unanswered === 0) for (const wake of [...waiting]) wake();
  };
}

/**
 * Resolves once no request is waiting for its answer and none has come in for `quietMs`, or after
 * `maxWaitMs`, whichever is first.
 */
export function noRequestUnanswered(maxWaitMs: number = MAX_WAIT_MS, quietMs: number = QUIET_MS): Promise<void> {
  const quiet = () => unanswered === 0 && performance.now() - lastArrival >= quietMs;
  if (quiet()) return Promise.resolve();
  const deadline = performance.now() + maxWaitMs;
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const check = () => {
      clearTimeout(timer);
      waiting.delete(check);
      const now = performance.now();
      if (now >= deadline || quiet()) return resolve();
      // Requests unanswered: woken when the last is answered. None: woken when the quiet is over.
      if (unanswered > 0) waiting.add(check);
      const next = unanswered > 0 ? deadline - now : Math.min(lastArrival + quietMs - now, deadline - now);
      timer = setTimeout(check, Math.max(1, next));
    };
    check();
  });
}

/** How many requests are unanswered now (tests, logs). */
export function unansweredRequests(): number {
  return unanswered;
}

/**
 * HTTP mode: a request is unanswered from the moment its headers are read, before Bolt reads its
 * body and checks its signature, until its body has been read: from there App.processEvent counts
 * it until its ack (request-context.ts), with only promise callbacks in between, which the wait
 * cannot run between. Counting it to its response instead would be wrong with
 * processBeforeResponse, where the response waits for the listener and so for its after-ack work.
 * A request whose body never ends is counted until its connection closes.
 */
export function countUnansweredRequests(server: Server): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const answered = requestArrived();
    req.once('end', answered);
    res.once('close', answered);
  });
}
