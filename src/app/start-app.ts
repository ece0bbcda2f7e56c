// Starts accepting requests once the common query shapes are compiled (warm-up.ts) and the request
// path has run (warm-request-path.ts), and gives an HTTP server its two additions. The one start
// path: src/main.ts and the ack bench's bot both call this, so the bench measures what runs.
import { Server } from 'node:http';
import { hardenHttpServer } from '../handlers/middleware/harden-http-server.js';
import { countUnansweredRequests } from '../infra/unanswered-requests.js';
import type { BoltApp } from './create-app.js';
import type { Deps } from './deps.js';
import { warmRequestPath } from './warm-request-path.js';
import { warmUp } from './warm-up.js';

export async function startApp(
  app: BoltApp,
  deps: Pick<Deps, 'prisma' | 'clock' | 'logger'>,
  ...listen: Parameters<BoltApp['start']>
): ReturnType<BoltApp['start']> {
  await warmUp(deps);
  await warmRequestPath(app, deps);
  const started = await app.start(...listen);
  if (started instanceof Server) prepareHttpServer(started);
  return started;
}

/** What the HTTP server gets in HTTP mode (local-stack.ts, which skips the warm-up, calls it too). */
export function prepareHttpServer(server: Server): void {
  hardenHttpServer(server);
  countUnansweredRequests(server);
}
