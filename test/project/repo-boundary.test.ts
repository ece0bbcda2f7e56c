// A user's clone has nothing beside it, so no file of the project may reach outside the repository:
// every relative path written in the code (an import, a URL, a path.join/resolve of '..' segments)
// must resolve inside the repository root.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CODE = /\.(ts|mjs|js|sh|json)$/;

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out.split('\n').filter((f) => CODE.test(f) && !f.startsWith('vendor/') && f !== 'package-lock.json');
}

/** Relative paths the file names: '../x' literals and runs of '..' arguments ('..', '..', 'x'). */
function relativePathsIn(text: string): string[] {
  const literals = [...text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g)].map((m) => m[1]!);
  const segmentRuns = [...text.matchAll(/(?:['"]\.\.['"]\s*,\s*)+(?:['"]([^'"]+)['"])?/g)].map((m) => {
    const ups = (m[0].match(/['"]\.\.['"]/g) ?? []).length;
    return `${'../'.repeat(ups)}${m[1] ?? ''}`;
  });
  return [...literals, ...segmentRuns];
}

function escapes(file: string, relPath: string): boolean {
  const target = path.resolve(ROOT, path.dirname(file), relPath);
  return path.relative(ROOT, target).startsWith('..');
}

describe('the repository is self-contained', () => {
  it('finds relative paths, and knows one that escapes', () => {
    // Written with a placeholder so that this file does not itself name a path outside.
    const escaping = "resolve(here, 'UP', 'UP', 'UP', 'shared')".replaceAll('UP', '..');
    expect(relativePathsIn(escaping)).toEqual(['UP/UP/UP/shared'.replaceAll('UP', '..')]);
    expect(escapes('test/project/x.test.ts', relativePathsIn(escaping)[0]!)).toBe(true);
    expect(escapes('test/x.test.ts', '../../outside/specs')).toBe(true);
    expect(escapes('local-stack/slack-sandbox/a.ts', '../../vendor/slack-spec')).toBe(false);
  });

  it('no file names a path outside the repository', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) =>
      relativePathsIn(readFileSync(path.join(ROOT, file), 'utf8'))
        .filter((p) => escapes(file, p))
        .map((p) => `${file}: ${p}`),
    );
    expect(offenders).toEqual([]);
  });
});
