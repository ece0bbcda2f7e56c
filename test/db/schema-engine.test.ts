import { describe, expect, it } from 'vitest';
import { loadSchemaEngine, schemaEngineLoadMs } from '../../src/infra/db/schema-engine.js';

describe('WASM schema engine', () => {
  it('loads once per process', async () => {
    const [a, b] = await Promise.all([loadSchemaEngine(), loadSchemaEngine()]);
    expect(a).toBe(b);
    expect(await loadSchemaEngine()).toBe(a);
    expect(a.version()).toMatch(/^[0-9a-f]{40}$/);
    const ms = schemaEngineLoadMs();
    expect(ms).toBeGreaterThan(0);
    console.log(`[schema engine] loaded in ${ms?.toFixed(0)} ms`);
  });
});
