// Writes a variant of the sample program (examples/riverton.yaml) to a temporary directory, with
// its history beside it, for tests that need a different start or meeting time. Synchronous, so a
// test file can build its variant before its local stack starts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function writeProgramVariant(edit: (yaml: string) => string, opts: { dropHistoryOf?: string } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'statbot-program-'));
  const history = readFileSync('examples/riverton-history.csv', 'utf8')
    .split('\n')
    .filter((line) => !opts.dropHistoryOf || !line.includes(`,${opts.dropHistoryOf},`))
    .join('\n');
  writeFileSync(path.join(dir, 'riverton-history.csv'), history);
  const yaml = edit(readFileSync('examples/riverton.yaml', 'utf8'));
  const file = path.join(dir, 'riverton.yaml');
  writeFileSync(file, yaml);
  return file;
}

/** The sample without its explicit `starts_with:` (the import then picks the month in progress). */
export function withoutStartsWith(yaml: string): string {
  const out = yaml.replace(/^ {2}starts_with: .*\n/m, '');
  if (out === yaml) throw new Error('the sample program has no program-level starts_with line to remove');
  return out;
}

export function withStartsWith(period: string): (yaml: string) => string {
  return (yaml) => withoutStartsWith(yaml).replace(/^( {2}due_rule: .*\n)/m, `$1  starts_with: ${period}\n`);
}
