// Every request gets an id that all its log lines carry (through the logger's async context), and
// an answer: a request no listener acknowledged (an unknown button, a payload Slack would never
// send) is acked empty instead of hanging until Bolt answers 404 after 3 s, which Slack shows the
// user as an error and, for events, retries.
import { randomBytes } from 'node:crypto';
import { ErrorCode, type AnyMiddlewareArgs, type Middleware } from '@slack/bolt';
import { withLogContext } from '../../infra/logger.js';

export function requestContext(): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const fields = { requestId: `req-${randomBytes(4).toString('hex')}`, ...describe(args.body, args.context.retryNum) };
    await withLogContext(fields, async () => {
      try {
        await args.next();
      } finally {
        await ackIfUnanswered(args);
      }
    });
  };
}

/** What the request is, for the log: never its content (that may be anything a user typed). */
function describe(body: unknown, retryNum: number | undefined): Record<string, unknown> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const kind = typeof b['command'] === 'string' ? 'command' : typeof b['type'] === 'string' ? b['type'] : 'unknown';
  return {
    slack: kind,
    ...(typeof b['event_id'] === 'string' ? { eventId: b['event_id'] } : {}),
    ...(retryNum !== undefined ? { slackRetry: retryNum } : {}),
  };
}

async function ackIfUnanswered(args: AnyMiddlewareArgs): Promise<void> {
  if (!('ack' in args) || typeof args.ack !== 'function') return; // events: Bolt acked already
  try {
    await (args.ack as () => Promise<void>)();
  } catch (err) {
    // The usual case: the listener answered, so a second ack is refused. Anything else is real.
    if ((err as { code?: unknown }).code !== ErrorCode.ReceiverMultipleAckError) throw err;
  }
}
