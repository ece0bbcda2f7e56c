// Driver-adapter factories for the two back ends, with one repair each.
//
// Migration scripts reach the database through the adapter's `executeScript`, and both upstream
// adapters get it subtly wrong for that use:
// - pglite-prisma-adapter 0.7 calls `pglite.exec(script)` without awaiting it: a failing migration
//   is reported as applied and its error surfaces later as an unhandled rejection.
// - @prisma/adapter-pg 7.10 splits the script on ";" and sends each piece to whichever pool
//   connection is free: a ";" inside a string or a function body breaks it, and a failure leaves
//   the migration half applied.
// Both are fixed here by sending the whole script at once (simple-query protocol, which PostgreSQL
// runs as one implicit transaction), which is what `prisma migrate deploy` itself does.
// The PGlite one is in pglite-adapter.ts: the running bot reaches its PGlite over the wire
// protocol (pgAdapterFactory), so it never loads pglite-prisma-adapter.

import { PrismaPg } from '@prisma/adapter-pg';
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

export type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export interface PgAdapterOptions {
  /** Give up connecting after this long (pg's own default is to wait forever). Default 10 000 ms. */
  connectTimeoutMs?: number;
}

/**
 * Adapter factory for a PostgreSQL server. Each `connect()` opens its own pool, ended when that
 * adapter is disposed (`prisma.$disconnect()` does it for the client's).
 */
export function pgAdapterFactory(
  connectionString: string,
  options: PgAdapterOptions = {},
): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg({ connectionString, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 });
  return withWholeScripts(inner, async (adapter, script) => {
    const pool = (
      adapter as unknown as { underlyingDriver(): { query(sql: string): Promise<unknown> } }
    ).underlyingDriver();
    await pool.query(script);
  });
}

export type ScriptRunner = (adapter: SqlDriverAdapter, script: string) => Promise<void>;

/** Used by pglite-adapter.ts too. */
export function withWholeScripts(
  inner: SqlMigrationAwareDriverAdapterFactory,
  runScript: ScriptRunner,
): SqlMigrationAwareDriverAdapterFactory {
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const wrapped: SqlDriverAdapter = {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      queryRaw: (query) => adapter.queryRaw(query),
      executeRaw: (query) => adapter.executeRaw(query),
      executeScript: async (script) => {
        try {
          await runScript(adapter, script);
        } catch (error) {
          throw toDriverAdapterError(error);
        }
      },
      startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
      dispose: () => adapter.dispose(),
    };
    const info = adapter.getConnectionInfo?.bind(adapter);
    if (info) wrapped.getConnectionInfo = info;
    return wrapped;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wrap(await inner.connect()),
    connectToShadowDb: async () => wrap(await inner.connectToShadowDb()),
  };
}

/** A PostgreSQL error (from pg or PGlite) as the error the schema engine knows how to report. */
function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const e = error as Error & { code?: unknown; severity?: unknown; detail?: unknown; column?: unknown; hint?: unknown };
  if (typeof e.code !== 'string' || typeof e.severity !== 'string') return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: e.code,
    severity: e.severity,
    message: e.message,
    detail: typeof e.detail === 'string' ? e.detail : undefined,
    column: typeof e.column === 'string' ? e.column : undefined,
    hint: typeof e.hint === 'string' ? e.hint : undefined,
  });
}
