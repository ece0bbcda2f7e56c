// Driver-adapter factory over a PGlite instance opened in this thread: for migration authoring
// and tests, never on the bot's start path (which reaches its PGlite thread through
// pgAdapterFactory), so the bot does not load pglite-prisma-adapter. See adapters.ts for the repair.
import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { withWholeScripts } from './adapters.js';

/** Adapter factory over an open PGlite instance (which the caller keeps and closes). */
export function pgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  // (pglite-prisma-adapter is built against driver-adapter-utils 7.2; its types still fit 7.10's.)
  const inner: SqlMigrationAwareDriverAdapterFactory = new PrismaPGlite(pglite);
  return withWholeScripts(inner, async (_adapter, script) => {
    await pglite.exec(script);
  });
}
