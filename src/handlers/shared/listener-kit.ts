// The two things every listener does the same way: answer privately, and turn a failure into a
// log line plus one sentence the person can act on (never a stack trace, never silence).
//
//   const reply = privateReply(respond);
//   await answerFailures(deps, '/stat status', reply, async () => { … await reply(msg) … });

import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RespondFn, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { noRequestUnanswered } from '../../infra/unanswered-requests.js';
import { createWorkQueue } from '../../infra/work-queue.js';
import { MESSAGES } from '../../views/messages.js';
import { buildNoticeModal } from '../../views/notice-modal.js';
import type { ModalView, SlackMessage } from '../../views/slack-message.js';
import { isExpiredTrigger, isRateLimited, isUserInputError, userFacingMessage } from './user-facing-error.js';

export type Reply = (message: string | SlackMessage) => Promise<void>;

/**
 * An ephemeral answer through the interaction's response_url. From a button it is a new message
 * (`replace_original: false`): the message with the button stays as it was.
 */
export function privateReply(respond: RespondFn): Reply {
  return async (message) => {
    const content = typeof message === 'string' ? { text: message } : { text: message.text, blocks: message.blocks };
    await respond({ response_type: 'ephemeral', replace_original: false, ...content });
  };
}

/**
 * Runs a listener's work; on failure logs it (a person's input mistake at info, a Slack hiccup —
 * an expired trigger, a 429 — at warn, anything else at error) and answers with the sentence for its class. If even the
 * answer fails, that is logged too.
 */
export async function answerFailures(
  deps: Pick<Deps, 'logger'>,
  what: string,
  answer: (text: string) => Promise<unknown>,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (isUserInputError(err)) deps.logger.info(`${what}: input refused`, { reason: err.message });
    else if (isExpiredTrigger(err)) deps.logger.warn(`${what}: the trigger expired before the modal opened`, { err });
    else if (isRateLimited(err)) deps.logger.warn(`${what}: Slack answered 429 (rate limited)`, { err });
    else deps.logger.error(`${what} failed`, { err });
    try {
      await answer(userFacingMessage(err));
    } catch (answerErr) {
      deps.logger.warn(`${what}: could not tell the person about the failure`, { err: answerErr });
    }
  }
}

/**
 * How many listeners' after-ack work runs at once. The work is mostly main-thread CPU (queries
 * compiled and parsed, analysis, Block Kit) between waits on the database and Slack: a few at a
 * time keep both busy, and leave the event loop free to read (and ack) the requests behind them.
 */
const AFTER_ACK_CONCURRENCY = 2;
const afterAckQueue = createWorkQueue(AFTER_ACK_CONCURRENCY, {
  // A burst of requests is all acked before its work begins (unanswered-requests.ts); the next
  // turn first, so requests whose bytes have arrived are read and counted.
  beforeStart: async () => {
    await nextTurn();
    await noRequestUnanswered();
  },
});

/**
 * Runs a listener's work after its ack, a few listeners at a time and once no request is waiting
 * for its ack (issue 11: with every request's work in flight at once, 50 concurrent commands held
 * the event loop and the later acks waited seconds). `urgent` is for work racing a trigger_id (it
 * lives ~3 s): it goes before the rest.
 * Call it only after ack(): work queued before the ack would hold the ack back.
 */
export function afterAck<T>(work: () => Promise<T>, options: { urgent?: boolean } = {}): Promise<T> {
  return afterAckQueue.run(work, options);
}

/** answerFailures, run after the ack through afterAck: the usual shape of a listener that acks first. */
export function answerAfterAck(
  deps: Pick<Deps, 'logger'>,
  what: string,
  answer: (text: string) => Promise<unknown>,
  work: () => Promise<void>,
  options: { urgent?: boolean } = {},
): Promise<void> {
  return afterAck(() => answerFailures(deps, what, answer, work), options);
}

type ViewAck = SlackViewMiddlewareArgs<ViewSubmitAction>['ack'];

/**
 * For a view submission, which is answered through its ack only: `notice` replaces the form with
 * a short message; `fail` (for answerFailures) does so unless the work has already acked, since
 * a second ack is an error.
 */
export function viewAnswers(ack: ViewAck) {
  let acked = false;
  const once: ViewAck = async (response) => {
    acked = true;
    await ack(response);
  };
  const notice = (title: string, text: string) =>
    once({ response_action: 'update', view: buildNoticeModal(title, text) });
  const update = (view: ModalView) => once({ response_action: 'update', view });
  const errors = (byBlock: Record<string, string>) => once({ response_action: 'errors', errors: byBlock });
  const fail = async (text: string) => {
    if (!acked) await notice(MESSAGES.titles.notSaved, text);
  };
  return { ack: once, notice, update, errors, fail };
}
