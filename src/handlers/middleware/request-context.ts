// Wraps the app's entry point (App.processEvent, which every receiver calls once per request) so
// that every request gets an id that all its log lines carry — Bolt's own included — through the
// logger's async context, and an answer: a request nothing acknowledged (an unknown button, a
// payload Bolt cannot classify, a listener that failed before acking) is acked empty instead of
// hanging until Bolt answers 404 after 3 s, which Slack shows the user as an error and, for
// events, retries. Wrapping here, rather than in app.use() middleware, is what makes "was it
// acked?" knowable: Bolt gives middleware no way to ask, and a second ack() is an error over HTTP
// and a warning in the log in Socket Mode.
// It also counts the request as unanswered until its ack (unanswered-requests.ts), so after-ack
// work waits for it: in Socket Mode this is where a request is first seen.
import { randomBytes } from 'node:crypto';
import type { App, ReceiverEvent } from '@slack/bolt';
import { withLogContext } from '../../infra/logger.js';
import { requestArrived } from '../../infra/unanswered-requests.js';

export function wrapRequests(app: App): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    const answered = requestArrived();
    let acked = false;
    const ack: ReceiverEvent['ack'] = async (response) => {
      acked = true;
      try {
        await event.ack(response);
      } finally {
        answered();
      }
    };
    try {
      await withLogContext(describe(event), () => processEvent({ ...event, ack }));
    } finally {
      answered(); // a listener that failed before its ack
    }
    // Best effort: if Bolt's own 3 s timer already answered 404, the response is gone and this
    // ack can only fail; there is nobody left to tell.
    if (!acked) await event.ack().catch(() => undefined);
  };
}

/**
 * Request ids: this process's random prefix and a counter, so ids from two replicas or two runs
 * differ. A random id per request cost ~6 µs of the main thread before each ack (randomBytes,
 * profiled in the ack-dispatch bench: a quarter of the bot's extra work for a button).
 */
const PROCESS_PREFIX = randomBytes(3).toString('hex');
let requestsSeen = 0;

/** What the request is, for the log: never its content (that may be anything a user typed). */
function describe(event: ReceiverEvent): Record<string, unknown> {
  const b: Record<string, unknown> = typeof event.body === 'object' && event.body !== null ? event.body : {};
  const kind = typeof b.command === 'string' ? 'command' : typeof b.type === 'string' ? b.type : 'unknown';
  return {
    requestId: `req-${PROCESS_PREFIX}-${(++requestsSeen).toString(36)}`,
    slack: kind,
    ...(typeof b.event_id === 'string' ? { eventId: b.event_id } : {}),
    ...(event.retryNum !== undefined ? { slackRetry: event.retryNum } : {}),
  };
}
