// Plays Slack's side towards the bot: sends slash commands, button clicks, modal submissions,
// shortcuts and events, over HTTP (signed like Slack) or over the sandbox's Socket Mode server.
// Both drivers have the same interface, so a test can run against either transport.
import { createHmac } from 'node:crypto';
import { Agent, type IncomingMessage, request } from 'node:http';
import type { InteractionKind } from './ack-checks.js';
import { readBody } from './http-body.js';
import {
  type BlockActionOptions,
  type Built,
  type EventOptions,
  InteractionPayloads,
  type MessageShortcutOptions,
  type SlashCommandOptions,
  type ViewClosedOptions,
  type ViewSubmissionOptions,
} from './interaction-payloads.js';
import type { SlackSandbox } from './slack-sandbox.js';
import type { EnvelopeType } from './socket-mode-server.js';

export interface DriverResponse {
  /** HTTP status of the app's answer. Socket Mode: 200 when acked, 408 when no ack came in time. */
  status: number;
  /** The ack body: parsed JSON, text, or undefined when empty. */
  body: unknown;
  acked: boolean;
  ackMs: number;
  triggerId?: string;
  responseUrl?: string;
}

export interface SendOptions {
  /** HTTP only. 'forged' signs with a wrong secret; 'stale' signs a timestamp 6 minutes old. */
  signature?: 'valid' | 'forged' | 'omit' | 'stale';
  /** HTTP only: shift X-Slack-Request-Timestamp (seconds; signed consistently). */
  timestampOffsetSec?: number;
  /** Slack's retry headers (HTTP) or envelope fields (Socket Mode). */
  retryNum?: number;
  retryReason?: string;
  /** Socket Mode: how long to wait for the ack. Default 3000. */
  ackTimeoutMs?: number;
}

export interface SlackDriver {
  readonly transport: 'http' | 'socket';
  slashCommand(o: SlashCommandOptions, send?: SendOptions): Promise<DriverResponse>;
  blockAction(o: BlockActionOptions, send?: SendOptions): Promise<DriverResponse>;
  viewSubmission(o: ViewSubmissionOptions, send?: SendOptions): Promise<DriverResponse>;
  viewClosed(o: ViewClosedOptions, send?: SendOptions): Promise<DriverResponse>;
  messageShortcut(o: MessageShortcutOptions, send?: SendOptions): Promise<DriverResponse>;
  /** Events API: wraps `event` in an event_callback with a fresh event_id. */
  event(event: EventOptions, send?: SendOptions): Promise<DriverResponse>;
  appHomeOpened(userId: string, send?: SendOptions): Promise<DriverResponse>;
}

export interface HttpDriver extends SlackDriver {
  readonly transport: 'http';
  /** Posts exactly this body with these headers (no signing): for malformed-request tests. */
  sendRaw(body: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }>;
}

export interface SocketDriver extends SlackDriver {
  readonly transport: 'socket';
}

/** Slack's request signature: v0=HMAC_SHA256(secret, "v0:" + timestamp + ":" + rawBody). */
export function slackSignature(secret: string, timestampSec: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${rawBody}`).digest('hex')}`;
}

type Delivered = { status: number; body: unknown; acked: boolean; ackMs: number; checkAck: boolean };
type Deliver = (built: Built, send: SendOptions) => Promise<Delivered>;

function createDriver<T extends 'http' | 'socket'>(transport: T, sandbox: SlackSandbox, deliver: Deliver) {
  const payloads = new InteractionPayloads(sandbox);
  const run = async (built: Built, send: SendOptions = {}): Promise<DriverResponse> => {
    const out = await deliver(built, send);
    const kind: InteractionKind = built.kind;
    const view = 'view' in built ? built.view : undefined;
    if (out.checkAck) {
      sandbox.ackChecks.check(kind, out.body, { ackMs: out.ackMs, acked: out.acked, ...(view ? { view } : {}) });
      if (kind === 'view_submission' && view && out.acked) sandbox.ackChecks.applyViewSubmission(view, out.body);
    }
    return {
      status: out.status,
      body: out.body,
      acked: out.acked,
      ackMs: out.ackMs,
      ...('triggerId' in built && built.triggerId ? { triggerId: built.triggerId } : {}),
      ...('responseUrl' in built && built.responseUrl ? { responseUrl: built.responseUrl } : {}),
    };
  };
  return {
    transport,
    // async, so a payload the driver refuses to build rejects instead of throwing synchronously.
    slashCommand: async (o: SlashCommandOptions, s?: SendOptions) => run(payloads.slashCommand(o), s),
    blockAction: async (o: BlockActionOptions, s?: SendOptions) => run(payloads.blockAction(o), s),
    viewSubmission: async (o: ViewSubmissionOptions, s?: SendOptions) => run(payloads.viewSubmission(o), s),
    viewClosed: async (o: ViewClosedOptions, s?: SendOptions) => run(payloads.viewClosed(o), s),
    messageShortcut: async (o: MessageShortcutOptions, s?: SendOptions) => run(payloads.messageShortcut(o), s),
    event: async (e: EventOptions, s?: SendOptions) => run(payloads.event(e), s),
    appHomeOpened: async (userId: string, s?: SendOptions) => run(payloads.appHomeOpened(userId), s),
  };
}

const emptyToUndefined = (v: unknown): unknown =>
  v === '' || v === null || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)
    ? undefined
    : v;

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createHttpDriver(opts: { url: string; signingSecret?: string; sandbox: SlackSandbox }): HttpDriver {
  const secret = opts.signingSecret ?? opts.sandbox.signingSecret;
  // node:http, not fetch: on Node 20 fetch spent ~1 ms of this process per request (web streams),
  // so in a burst of 50 the driver's own queue, not the app, decided the later requests' ack times.
  const agent = new Agent({ keepAlive: true });
  /** The app's response, its body still to read. */
  const responseTo = (body: string, headers: Record<string, string>) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(opts.url, { method: 'POST', headers, agent }, resolve);
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive connection the app closed as idle just as this request went out: the app
        // never read it, so it is sent again on a fresh one (Node's documented retry for this
        // race). Its ack time still counts from the first attempt.
        if (req.reusedSocket && err.code === 'ECONNRESET') responseTo(body, headers).then(resolve, reject);
        else reject(err);
      });
      req.end(body);
    });
  const post = async (body: string, headers: Record<string, string>) => {
    const started = performance.now();
    const res = await responseTo(body, headers);
    const text = (await readBody(res)).toString('utf8');
    return { status: res.statusCode ?? 0, body: parseBody(text), ackMs: performance.now() - started };
  };
  const deliver: Deliver = async (built, send) => {
    let body: string;
    // Bolt's HTTPReceiver compares content-type exactly: no "; charset=" suffix, as Slack sends it.
    let contentType = 'application/x-www-form-urlencoded';
    if (built.kind === 'slash_command') body = new URLSearchParams(built.fields).toString();
    else if (built.kind === 'event') {
      body = JSON.stringify(built.body);
      contentType = 'application/json';
    } else body = new URLSearchParams({ payload: JSON.stringify(built.payload) }).toString();
    const mode = send.signature ?? 'valid';
    const ts = Math.floor(Date.now() / 1000) + (send.timestampOffsetSec ?? 0) - (mode === 'stale' ? 6 * 60 : 0);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    };
    if (mode !== 'omit') {
      headers['x-slack-request-timestamp'] = String(ts);
      headers['x-slack-signature'] = slackSignature(mode === 'forged' ? `${secret}-forged` : secret, ts, body);
    }
    if (send.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(send.retryNum);
      headers['x-slack-retry-reason'] = send.retryReason ?? 'http_timeout';
    }
    const res = await post(body, headers);
    // Tests that tamper with the signature expect a rejection; only genuine requests are held
    // to Slack's ack rules.
    const genuine = mode === 'valid' && (send.timestampOffsetSec ?? 0) === 0;
    if (genuine && res.status !== 200) {
      opts.sandbox.violation(
        `${built.kind} ack`,
        `the app answered HTTP ${res.status} to a genuine request (Slack shows the user an error)`,
      );
    }
    return {
      status: res.status,
      body: emptyToUndefined(res.body),
      acked: res.status === 200,
      ackMs: res.ackMs,
      checkAck: genuine && res.status === 200,
    };
  };
  return {
    ...createDriver('http', opts.sandbox, deliver),
    transport: 'http',
    async sendRaw(body, headers) {
      const { status, body: parsed } = await post(body, headers);
      return { status, body: parsed };
    },
  };
}

const ENVELOPE_TYPES: Record<Built['kind'], EnvelopeType> = {
  slash_command: 'slash_commands',
  block_actions: 'interactive',
  view_submission: 'interactive',
  view_closed: 'interactive',
  message_action: 'interactive',
  event: 'events_api',
};

export function createSocketDriver(opts: { sandbox: SlackSandbox }): SocketDriver {
  const deliver: Deliver = async (built, send) => {
    const payload = built.kind === 'slash_command' ? built.fields : built.kind === 'event' ? built.body : built.payload;
    const r = await opts.sandbox.socket.send(ENVELOPE_TYPES[built.kind], payload, {
      ...(send.retryNum !== undefined
        ? { retryAttempt: send.retryNum, retryReason: send.retryReason ?? 'timeout' }
        : {}),
      ...(send.ackTimeoutMs !== undefined ? { ackTimeoutMs: send.ackTimeoutMs } : {}),
    });
    return {
      status: r.acked ? 200 : 408,
      body: emptyToUndefined(r.payload),
      acked: r.acked,
      ackMs: r.ackMs,
      checkAck: true,
    };
  };
  return { ...createDriver('socket', opts.sandbox, deliver), transport: 'socket' };
}
