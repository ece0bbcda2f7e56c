// Gives the C library's free memory back to the OS. What Node and V8 allocate with malloc (buffers,
// compilation scratch, PGlite's file reads) and later free stays with glibc: each thread's arena
// hands memory back only from its top, and only once the free top passes a threshold that glibc
// raises with the largest mapped block it has freed (pglite.wasm's 9.4 MB read: a 19 MB threshold).
// Free runs between blocks still in use go back only through malloc_trim(), which Node never calls.
// Measured in the idle PGlite bot: 28 MB free but kept (218 → 190 MB after one call), 6–8 MB in the
// PostgreSQL bot. glibc's thresholds set by environment (GLIBC_TUNABLES) did not help (224 against
// 225 MB side by side): the kept memory is in the middle of the arenas, not at their top.
//
// malloc_trim is called through koffi, a foreign-function interface shipped as prebuilt binaries
// (no compiler, no install script): an optional dependency, so an install without it, macOS,
// Windows or a musl Linux (Alpine, no libc.so.6) simply keeps the memory, as before.
import { createRequire } from 'node:module';

/** Returns true when memory was given back. */
export type TrimMalloc = () => boolean;

/** The part of koffi used here (it is optional, so its types are not relied on). */
interface Koffi {
  load(path: string): { func(signature: string): (pad: number) => number };
}

/** glibc's malloc_trim(0), or undefined where there is none to call. */
export function mallocTrim(): TrimMalloc | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const koffi = createRequire(import.meta.url)('koffi') as Koffi;
    const trim = koffi.load('libc.so.6').func('int malloc_trim(size_t pad)');
    // Every arena (each thread's) is trimmed, whichever thread calls it.
    return () => trim(0) === 1;
  } catch {
    return undefined;
  }
}
