// Slack's Socket Mode side: apps.connections.open hands out a single-use ws:// URL; on connect the
// server says {"type":"hello"}, then pushes envelopes and waits for `{ envelope_id, payload }`
// acks. {"type":"disconnect"} asks the client to reconnect (Slack does this when it recycles a
// connection), which @slack/socket-mode handles by calling apps.connections.open again.

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { SANDBOX_IDS } from './sandbox-state.js';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface EnvelopeOptions {
  acceptsResponsePayload?: boolean;
  retryAttempt?: number;
  retryReason?: string;
  /** How long to wait for the ack (Slack: 3 s). */
  ackTimeoutMs?: number;
}

export interface EnvelopeResult {
  envelopeId: string;
  acked: boolean;
  /** The `payload` of the client's ack (what Bolt's ack() was given; {} for a bare ack). */
  payload: unknown;
  ackMs: number;
}

const PING_INTERVAL_MS = 10_000;

export class SocketModeServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly sockets: WebSocket[] = [];
  private readonly pending = new Map<string, (payload: unknown) => void>();
  private readonly waiters: (() => void)[] = [];
  /** Every connection ever accepted (reconnects add to it). */
  connectionsOpened = 0;

  /** A fresh URL for apps.connections.open; `wsBase` is ws://127.0.0.1:PORT. */
  issueUrl(wsBase: string): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${wsBase}/socket?ticket=${ticket}&app_id=${SANDBOX_IDS.appId}`;
  }

  get openConnections(): number {
    return this.sockets.length;
  }

  /** Takes over an HTTP upgrade for /socket; answers 401 to a URL that was not issued. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/socket' || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    this.sockets.push(ws);
    this.connectionsOpened += 1;
    const ping = setInterval(() => ws.ping(), PING_INTERVAL_MS);
    ping.unref();
    ws.on('message', (data) => {
      let msg: { envelope_id?: unknown; payload?: unknown };
      try {
        msg = JSON.parse(String(data)) as typeof msg;
      } catch {
        return;
      }
      if (typeof msg.envelope_id === 'string') this.pending.get(msg.envelope_id)?.(msg.payload ?? {});
    });
    ws.on('close', () => {
      clearInterval(ping);
      const i = this.sockets.indexOf(ws);
      if (i >= 0) this.sockets.splice(i, 1);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.length,
        debug_info: { host: 'sandbox-socket', build_number: 1, approximate_connection_time: 18_060 },
        connection_info: { app_id: SANDBOX_IDS.appId },
      }),
    );
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once a client is connected (e.g. after a disconnect, when it has reconnected). */
  waitForConnection(timeoutMs = 5000, minOpened = 1): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (this.sockets.length > 0 && this.connectionsOpened >= minOpened) {
          clearTimeout(timer);
          resolve();
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => reject(new Error(`no Socket Mode connection within ${timeoutMs} ms`)), timeoutMs);
      const loop = () => {
        if (!check()) this.waiters.push(loop);
      };
      loop();
    });
  }

  /** Sends an envelope to one connected client (the newest, as Slack picks any) and waits for its ack. */
  send(type: EnvelopeType, payload: unknown, opts: EnvelopeOptions = {}): Promise<EnvelopeResult> {
    const ws = this.sockets[this.sockets.length - 1];
    if (!ws) return Promise.reject(new Error('no Socket Mode client is connected to the sandbox'));
    const envelopeId = randomUUID();
    const started = performance.now();
    const timeoutMs = opts.ackTimeoutMs ?? 3000;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        resolve({ envelopeId, acked: false, payload: undefined, ackMs: performance.now() - started });
      }, timeoutMs);
      this.pending.set(envelopeId, (ackPayload) => {
        clearTimeout(timer);
        this.pending.delete(envelopeId);
        resolve({ envelopeId, acked: true, payload: ackPayload, ackMs: performance.now() - started });
      });
      ws.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: opts.acceptsResponsePayload ?? type !== 'events_api',
          ...(opts.retryAttempt !== undefined
            ? { retry_attempt: opts.retryAttempt, retry_reason: opts.retryReason ?? 'timeout' }
            : {}),
        }),
      );
    });
  }

  /** Asks every client to reconnect, as Slack does before recycling a connection. */
  disconnectAll(reason = 'refresh_requested'): void {
    for (const ws of this.sockets)
      ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'sandbox-socket' } }));
  }

  /**
   * Closes with a handshake first: terminating a socket whose client is mid-close makes
   * @slack/socket-mode log a spurious "WebSocket error" (close code 1006).
   */
  async close(graceMs = 500): Promise<void> {
    const open = [...this.sockets];
    await Promise.race([
      Promise.all(
        open.map(
          (ws) =>
            new Promise<void>((resolve) => {
              if (ws.readyState === ws.CLOSED) return resolve();
              ws.once('close', () => resolve());
              if (ws.readyState === ws.OPEN) ws.close(1001, 'sandbox closing');
            }),
        ),
      ),
      new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
    ]);
    for (const ws of this.sockets) ws.terminate();
    this.sockets.length = 0;
    this.wss.close();
  }
}
