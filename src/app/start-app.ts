// Starts accepting requests once the common query shapes are compiled (warm-up.ts). The one start
// path: src/main.ts and the ack bench's bot both call this, so the bench measures what runs.
import type { BoltApp } from './create-app.js';
import type { Deps } from './deps.js';
import { warmUp } from './warm-up.js';

export async function startApp(
  app: BoltApp,
  deps: Pick<Deps, 'prisma' | 'clock' | 'logger'>,
  ...listen: Parameters<BoltApp['start']>
): ReturnType<BoltApp['start']> {
  await warmUp(deps);
  return app.start(...listen);
}
