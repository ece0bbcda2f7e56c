// All of src/domain is pure: time comes in as a parameter, and nothing there reaches Slack, the
// database, the environment, timers or the rest of the app. (Constructing a Date from given values
// is fine; reading the clock is not.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../src/domain');
const FORBIDDEN = [
  /new Date\(\)/, /Date\.now\(/, /DateTime\.(now|local)\(\)/, /performance\.now/, /process\.env/, /from 'node:/,
  /set(Timeout|Interval|Immediate)\(/, /from '@slack\//, /from '[^']*prisma/i, /from 'node-schedule'/, /from '(\.\.\/)+(bot|infra|services|handlers|scheduler|cli)\//,
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('src/domain', () => {
  const all = files(ROOT);
  it('has files to check', () => expect(all.length).toBeGreaterThan(20));
  it.each(all.map((f) => [relative(ROOT, f), f]))('%s reads no clock, env, timers or I/O', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const pattern of FORBIDDEN) expect(text, `matches ${pattern}`).not.toMatch(pattern);
  });
});
