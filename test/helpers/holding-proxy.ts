// A pass-through HTTP proxy in front of the Slack sandbox that can hold one chosen Web API call:
// the bot process is then provably between two steps (everything before that call is done and
// recorded; that call has not reached Slack), which is where the stopped-notice tests kill it.
// `release()` lets the held call through; `drop()` ends it unanswered (it never reaches Slack).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedCall {
  method: string;
  args: Record<string, unknown>;
}

export interface HoldingProxy {
  /** Point the bot's SLACK_API_URL here. */
  readonly apiUrl: string;
  /** Step calls seen so far (held and dropped ones included). */
  stepsSeen(): number;
  /** Hold the `index`-th call (0-based) for which `isStep` is true; resolves when it arrives. */
  holdStep(index: number): Promise<ProxiedCall>;
  release(): Promise<void>;
  drop(): void;
  close(): Promise<void>;
}

function parseArgs(body: Buffer, contentType: string | undefined): Record<string, unknown> {
  const text = body.toString('utf8');
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export async function startHoldingProxy(
  sandboxApiUrl: string,
  isStep: (call: ProxiedCall) => boolean,
): Promise<HoldingProxy> {
  let steps = 0;
  let target: { index: number; arrived: (call: ProxiedCall) => void } | null = null;
  let held: { forward: () => Promise<void>; res: ServerResponse } | null = null;

  const forward = async (req: IncomingMessage, res: ServerResponse, method: string, body: Buffer) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
    try {
      const answer = await fetch(`${sandboxApiUrl}${method}`, {
        method: req.method ?? 'POST',
        headers,
        body: new Uint8Array(body),
      });
      const out = Buffer.from(await answer.arrayBuffer());
      const retryAfter = answer.headers.get('retry-after');
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
        ...(retryAfter ? { 'retry-after': retryAfter } : {}),
      });
      res.end(out);
    } catch {
      res.destroy();
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
      const call = { method, args: parseArgs(body, req.headers['content-type']) };
      if (isStep(call)) {
        const index = steps++;
        if (target && target.index === index) {
          held = { forward: () => forward(req, res, method, body), res };
          target.arrived(call);
          target = null;
          return;
        }
      }
      void forward(req, res, method, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    stepsSeen: () => steps,
    holdStep: (index) =>
      new Promise<ProxiedCall>((resolve) => {
        target = { index, arrived: resolve };
      }),
    async release() {
      const h = held;
      held = null;
      await h?.forward();
    },
    drop() {
      held?.res.destroy();
      held = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
