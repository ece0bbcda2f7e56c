// package.json's `start` script, which is how production runs the bot: the benches that start the
// bot as `npm start` does take its command and its Node flags from there, so they measure the same.
import { readFileSync } from 'node:fs';

/** The start script as argv, e.g. ['node', '--max-semi-space-size=1', 'dist/src/main.js']. */
export function startCommand(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const argv = pkg.scripts.start!.trim().split(/\s+/);
  if (argv[0] !== 'node' || argv.some((a) => /[|&;<>$`'"]/.test(a)))
    throw new Error(`the start script is not a plain \`node …\` command: ${pkg.scripts.start}`);
  return argv;
}

/** The Node flags of the start script (everything between `node` and the script). */
export function startNodeFlags(): string[] {
  return startCommand()
    .slice(1)
    .filter((a) => a.startsWith('-'));
}
