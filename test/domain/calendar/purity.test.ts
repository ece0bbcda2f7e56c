// The calendar is pure: time comes in as a parameter. This guards against a stray clock read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../../src/domain/calendar');
const FORBIDDEN = [
  /new Date\(\s*\)/,
  /Date\.now\(/,
  /DateTime\.(now|local)\(/,
  /process\.env/,
  /from 'node:/,
  /Settings\.(defaultZone|now)/,
];

describe('src/domain/calendar', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.ts')))('%s reads no clock, env or I/O', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    for (const pattern of FORBIDDEN) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
  });
});
