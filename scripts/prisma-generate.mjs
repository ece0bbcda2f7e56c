// `prisma generate`, offline. Runs as npm's postinstall and as `npm run db:generate`.
//
// Prisma 7's client needs no native engine (driver adapters + a WASM query compiler), but the
// Prisma CLI checks for its native schema engine at start and tries to download it, which fails
// without network. `generate` never runs that engine: pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file for this one command satisfies the check. We never depend on the download, nor on
// @prisma/engines' install script (npm 11 blocks it, and it stays unapproved).
//
// Output: generated/prisma (gitignored), as configured in prisma/schema.prisma.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = join(root, 'prisma', 'schema.prisma');

function fail(message) {
  console.error(`\nprisma-generate: ${message}\n`);
  process.exit(1);
}

if (!existsSync(schema)) fail(`no schema at ${schema}`);

let cli;
try {
  const require = createRequire(join(root, 'package.json'));
  cli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
} catch {
  fail('the "prisma" package is not installed (run npm ci first).');
}
if (!existsSync(cli)) fail(`the Prisma CLI is missing (${cli}); reinstall with npm ci.`);

// Any existing file does; /bin/false would do nothing even if it were ever run.
const placeholderEngine = existsSync('/bin/false') ? '/bin/false' : process.execPath;

const started = Date.now();
const result = spawnSync(process.execPath, [cli, 'generate', '--schema', schema], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholderEngine,
    // No update check or telemetry call home (there is no network for them anyway).
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});

const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
if (result.error || result.status !== 0) {
  const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
  fail(
    `\`prisma generate\` failed (${why}). The Prisma client in generated/prisma was NOT (re)generated.\n` +
      (output ? `\n${output}\n` : '') +
      '\nCheck prisma/schema.prisma for errors, then run: npm run db:generate',
  );
}

const summary = output.split('\n').find((line) => line.includes('Generated Prisma Client'));
console.log(`prisma-generate: ${summary ? summary.replace(/^[^A-Za-z]+/, '') : 'done'} (${Date.now() - started} ms)`);
