// Loads Prisma's WebAssembly schema engine (@prisma/schema-engine-wasm) in plain Node 20.
//
// The package entry (`schema_engine.js`) does `import * as wasm from "./schema_engine_bg.wasm"`,
// an ES-module WebAssembly import that Node 20 cannot do without flags. So we compile the .wasm
// ourselves, hand its exports to the JS glue (`__wbg_set_wasm`) and run its start function once.
// The compiled engine is cached for the life of the process.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';

export type {
  ApplyMigrationsOutput,
  DiffResult,
  MigrationList,
  SchemaContainer,
  SchemaEngine,
  SchemaFilter,
} from '@prisma/schema-engine-wasm/schema_engine_bg';

type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

/** The glue's wiring functions; the package's .d.ts does not declare them. */
interface WasmBindgenGlue {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

/** No externally managed tables or enums (prisma.config.ts `tables.external` / `enums.external`). */
export const NO_EXTERNAL_ENTITIES: SchemaFilter = { externalTables: [], externalEnums: [] };

let enginePromise: Promise<SchemaEngineModule> | undefined;
let lastLoadMs: number | undefined;

/**
 * Compiles and initialises the WASM schema engine once per process; later calls return the
 * same promise. A failed load is not cached, so the next call tries again.
 */
export function loadSchemaEngine(): Promise<SchemaEngineModule> {
  enginePromise ??= instantiate().catch((error: unknown) => {
    enginePromise = undefined;
    throw error;
  });
  return enginePromise;
}

/** Milliseconds the first (uncached) load took in this process, if it has happened. */
export function schemaEngineLoadMs(): number | undefined {
  return lastLoadMs;
}

async function instantiate(): Promise<SchemaEngineModule> {
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const [glue, bytes] = await Promise.all([
    import('@prisma/schema-engine-wasm/schema_engine_bg'),
    readFile(join(dirname(gluePath), 'schema_engine_bg.wasm')),
  ]);
  const module = await WebAssembly.compile(bytes);
  // The module imports everything from "./schema_engine_bg.js", the glue module itself.
  const instance = await WebAssembly.instantiate(module, {
    './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
  });
  (glue as unknown as WasmBindgenGlue).__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === 'function') (start as () => void)();
  lastLoadMs = performance.now() - started;
  return glue;
}

export interface EngineOptions {
  /** Receives the engine's log lines (JSON strings). Silent by default. */
  log?: (line: string) => void;
}

/**
 * Runs `fn` with a schema engine connected through `adapterFactory`. The engine is freed
 * afterwards and every connection it opened through the factory is disposed (the engine itself
 * does not dispose them, which would leave a pg pool open). The factory's own resources (a PGlite
 * instance, say) are left alone.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
  options: EngineOptions = {},
): Promise<T> {
  const runtime = await loadSchemaEngine();
  const opened: Array<{ dispose(): Promise<void> }> = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => {
      const adapter = await adapterFactory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await adapterFactory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const log = options.log ?? (() => {});
  const engine = await runtime.SchemaEngine.new(
    { datamodels: undefined },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}
