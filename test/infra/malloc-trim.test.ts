// glibc's malloc_trim through koffi: free memory in the middle of the C library's heap, which it
// would otherwise keep for good, goes back to the OS.
import { describe, expect, it } from 'vitest';
import { exposedGc } from '../../src/infra/idle-gc.js';
import { mallocTrim } from '../../src/infra/malloc-trim.js';

const glibc = process.platform === 'linux' && Boolean(glibcVersion());

function glibcVersion(): string | undefined {
  const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
  return report.header?.glibcVersionRuntime;
}

describe.runIf(glibc)('mallocTrim (glibc)', () => {
  it('gives back free memory that lies between blocks still in use', () => {
    const trim = mallocTrim();
    expect(trim, 'koffi or libc.so.6 could not be loaded').toBeDefined();
    const gc = exposedGc();
    expect(gc, 'no gc() in this Node').toBeDefined();
    // 80 MB of 4 KB blocks from malloc (allocUnsafeSlow: no pool), then 7 of every 8 freed: the
    // free runs lie between blocks still in use, where glibc never trims on its own.
    let blocks: Buffer[] = [];
    for (let i = 0; i < 20_000; i++) blocks.push(Buffer.allocUnsafeSlow(4000).fill(i % 256));
    blocks = blocks.filter((_, i) => i % 8 === 0);
    gc!();
    gc!(); // the buffers' memory is freed once their wrappers are collected
    const before = process.memoryUsage.rss();
    expect(trim!()).toBe(true);
    const freed = before - process.memoryUsage.rss();
    expect(freed).toBeGreaterThan(8 * 1024 * 1024); // 13–60 MB in standalone runs
    expect(blocks).toHaveLength(2500);
  });
});

describe.skipIf(glibc)('mallocTrim (no glibc)', () => {
  it('is absent, and the caller keeps the memory as before', () => {
    expect(mallocTrim()).toBeUndefined();
  });
});
