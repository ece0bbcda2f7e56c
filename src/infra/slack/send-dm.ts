// Sends a direct message. Posting to the user id opens (or reuses) the DM channel in one call.
// A failure is logged here, once, and handed back: the caller decides what it means (tell the
// user, report it to an admin, retry later); nothing is silently dropped.
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import {
  createSlackGateway,
  type OutgoingMessage,
  type PostedMessage,
  type SlackGateway,
  type SlackOutcome,
} from './slack-gateway.js';

export type DmResult = SlackOutcome<PostedMessage>;

export async function sendDm(
  slack: WebClient | SlackGateway,
  userId: string,
  content: OutgoingMessage,
  logger: Logger,
): Promise<DmResult> {
  const gateway = 'postMessage' in slack ? slack : createSlackGateway(slack);
  const res = await gateway.postMessage({ channel: userId, message: content });
  if (!res.ok) logger.warn('could not send a DM', { userId, error: res.failure.code, retry: res.failure.retry });
  return res;
}
