// The analysis is pure: periods and values come in as parameters. This guards against a stray
// clock read, environment lookup, timer or import from the Slack/Prisma side.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../src/domain');
const FILES = ['variance.ts', 'xmr.ts', 'trend.ts', 'metric-analysis.ts'];
const FORBIDDEN = [/new Date\(/, /Date\.now\(/, /DateTime\./, /process\.env/, /from 'node:/, /set(Timeout|Interval)\(/, /@slack\//, /prisma/i, /from '\.\.\/(bot|infra|services|handlers)\//];

describe('analysis in src/domain', () => {
  it.each(FILES)('%s reads no clock, env, timers or I/O', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    for (const pattern of FORBIDDEN) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
  });
});
