// `npm run demo`: the real bot, offline. It loads the sample program into an embedded database,
// connects to the local Slack sandbox, plays one month of the stat cycle with simulated time, and
// writes what the bot sent to demo-output/ (transcript.md, blocks.json, charts/*.png), and what the
// packet published: demo-output/open-data/ and the public site in demo-output/site/.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startCitySystems } from '../local-stack/city-systems.js';
import { startLocalStack } from '../local-stack/local-stack.js';
import { createTestDatabase } from '../local-stack/test-db.js';
import { createSourceRuntime } from '../src/infra/sources/create-runtime.js';
import { createChartRenderer } from '../src/services/roundtable/packet-charts.js';
import { playScenes } from './demo/scenes.js';
import { Transcript } from './demo/transcript.js';

const OUT = path.resolve('demo-output');

async function main(): Promise<void> {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(path.join(OUT, 'charts'), { recursive: true });
  console.log('stat-bot demo: starting an embedded database and the local Slack sandbox…');
  const db = await createTestDatabase();
  // Riverton's 311 and permits databases, its open-data portal; RIVERTON_CAD_API_KEY is left unset
  // on purpose, so the CAD source fails and the admins hear about it once.
  const city = await startCitySystems();
  const sources = createSourceRuntime(
    { env: (name) => city.env[name], allowedHosts: null, maxResponseBytes: 1_000_000, concurrencyPerSource: 4 },
    { programFile: 'examples/riverton.yaml', pglite: city.pglite, retryDelaysMs: [200] },
  );
  const violations: string[] = [];
  const stack = await startLocalStack({
    db,
    now: '2026-11-02T15:30:00Z',
    sources,
    charts: createChartRenderer('local'),
    publishDir: OUT,
    onViolation: (v) => violations.push(`${v.method}: ${v.message}`),
  });
  try {
    const names = new Map(stack.program.people.map((p) => [p.slack_id, p.name]));
    const transcript = new Transcript(stack.sandbox, names, OUT);
    await playScenes(stack, transcript);
    const file = await transcript.write();
    for (const f of stack.sandbox.files) if (f.bytes) await writeFile(path.join(OUT, 'charts', f.filename), f.bytes);
    console.log(
      `Transcript: ${path.relative(process.cwd(), file)} (${stack.sandbox.calls.length} Slack API calls, ${stack.sandbox.files.length} files)`,
    );
    console.log(
      `Published: ${path.relative(process.cwd(), path.join(OUT, 'site', 'index.html'))} and ${path.relative(process.cwd(), path.join(OUT, 'open-data'))}/`,
    );
    if (violations.length) {
      console.error(`The sandbox found ${violations.length} payload(s) Slack would reject:\n${violations.join('\n')}`);
      process.exitCode = 1;
    } else {
      console.log('Every payload passed the Block Kit schema and method specs.');
    }
  } finally {
    await stack.close();
    await sources.sql.close();
    await city.close();
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
