// The commands a city operator runs, as processes: clear one-line errors and exit codes, never a
// stack trace; an import that changes nothing the second time.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules/.bin/tsx');

function run(args: string[], env: Record<string, string> = {}) {
  // A clean environment: nothing inherited can satisfy the settings by accident.
  const res = spawnSync(TSX, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    encoding: 'utf8',
    timeout: 150_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('npm start with missing or malformed settings', () => {
  it('names each missing setting and where to get it, without a stack trace', () => {
    const r = run(['src/main.ts']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('SLACK_BOT_TOKEN is missing');
    expect(r.err).toContain('manifest.json');
    expect(r.err).toContain('SLACK_APP_TOKEN');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('rejects malformed values', () => {
    const r = run(['src/main.ts'], {
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_APP_TOKEN: 'nope',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('must start with "xoxb-"');
    expect(r.err).toContain('must start with "xapp-"');
    expect(r.err).toContain('PORT must be a number');
    expect(r.err).toContain('DATABASE_URL must start with postgres://');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('says clearly when the database cannot be reached', () => {
    const r = run(['src/main.ts'], {
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      DATABASE_URL: 'postgres://x@127.0.0.1:1/db',
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('Cannot reach PostgreSQL at 127.0.0.1:1');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  // Opening (and migrating) a fresh embedded database takes a while on a loaded machine.
  it('imports PROGRAM_FILE before connecting, and refuses to start on a bad one', { timeout: 150_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statbot-start-'));
    const bad = path.join(dir, 'city.yaml');
    writeFileSync(bad, 'program:\n  name: X\n  timezone: Mars/Olympus\ndepartments: []\n');
    const r = run(['src/main.ts'], {
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      DATA_DIR: dir,
      PROGRAM_FILE: bad,
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('PROGRAM_FILE is not a valid program');
    expect(r.err).toContain('nothing was imported');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('npm run stat -- program import', () => {
  it('imports the sample program into a fresh embedded database, then changes nothing on re-import', {
    timeout: 180_000,
  }, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statbot-data-'));
    const first = run(['src/cli/main.ts', 'program', 'import', 'examples/riverton.yaml'], { DATA_DIR: dataDir });
    expect(first.err).toBe('');
    expect(first.out).toContain('created 1 program, 4 departments, 17 metrics');
    const again = run(['src/cli/main.ts', 'program', 'import', 'examples/riverton.yaml'], { DATA_DIR: dataDir });
    expect(again.out).toContain('Nothing changed');
  });

  it('lists every problem of a bad file with its line, imports nothing, exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statbot-'));
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'program:\n  name: X\n  timezone: Nowhere/Land\ndepartments:\n  - key: A\n    name: A\n    metrics:\n      - { key: m, name: M, polarity: up, target: high }\n',
    );
    const r = run(['src/cli/main.ts', 'program', 'import', file], { DATA_DIR: path.join(dir, 'data') });
    expect(r.code).toBe(1);
    expect(r.err).toContain('nothing was imported');
    expect(r.err).toMatch(/bad\.yaml:8: departments\.0\.metrics\.0\.polarity/);
    expect(r.err).toMatch(/bad\.yaml:8: departments\.0\.metrics\.0\.target: must be a number/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('checks settings with the same rules as npm start, before touching the database', () => {
    const imported = run(['src/cli/main.ts', 'program', 'import', 'examples/riverton.yaml'], {
      DATABASE_URL: 'mysql://x',
    });
    expect(imported.code).toBe(1);
    expect(imported.err).toContain('DATABASE_URL must start with postgres://');
    const due = run(['src/cli/main.ts', 'run-due'], { SLACK_BOT_TOKEN: 'xoxp-user-token', DATABASE_URL: 'mysql://x' });
    expect(due.code).toBe(1);
    expect(due.err).toContain('run-due needs the same settings as npm start');
    expect(due.err).toContain('must start with "xoxb-"');
    expect(due.err).toContain('DATABASE_URL must start with postgres://');
    expect(due.err).not.toMatch(/\n\s+at /);
  });

  it('explains usage mistakes', () => {
    expect(run(['src/cli/main.ts', 'program', 'import']).err).toContain('program import needs a file');
    expect(run(['src/cli/main.ts', 'run-due', '--now', 'yesterday']).err).toContain('is not an ISO-8601 instant');
    expect(run(['src/cli/main.ts', 'frobnicate']).err).toContain('unknown command');
  });
});

describe('npm run stat -- publish', () => {
  it('says plainly when nothing has been published yet, and refuses a malformed PUBLIC_BASE_URL', {
    timeout: 180_000,
  }, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statbot-data-'));
    const out = path.join(dataDir, 'published');
    run(['src/cli/main.ts', 'program', 'import', 'examples/riverton.yaml'], { DATA_DIR: dataDir });
    const r = run(['src/cli/main.ts', 'publish', '--out', out], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Nothing to publish');
    const bad = run(['src/cli/main.ts', 'publish'], { DATA_DIR: dataDir, PUBLIC_BASE_URL: 'not a url' });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('PUBLIC_BASE_URL must be a URL');
    expect(bad.err).not.toMatch(/\n\s+at /);
  });
});
