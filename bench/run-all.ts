// `npm run bench`: every benchmark in sequence, each in its own process (so one that crashes or
// hangs cannot take the others down). A failure is reported and the run goes on; the exit code is
// non-zero at the end if any failed. Pass names to run only some: `npm run bench -- packet`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startThrowawayPostgres } from './lib/databases.js';
import { renderTable } from './lib/report.js';

const BENCHMARKS = [
  'collection-fanout',
  'ladder-planning',
  'packet',
  'agenda-latency',
  'ack-dispatch',
  'ack-latency',
  'idle-memory',
  'replicas-fanout',
  'backup-restore',
  'sources-pull',
];
/** A benchmark's own watchdog should end it first; this is the backstop. */
const HARD_LIMIT_MS = 10 * 60_000;

function runOne(name: string): Promise<{ code: number; ms: number }> {
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
    const timer = setTimeout(() => child.kill('SIGKILL'), HARD_LIMIT_MS);
    child.on('error', (err) => console.error(`${name}: could not start: ${err.message}`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal) console.error(`${name}: ended by ${signal}`);
      resolve({ code: code ?? 1, ms: Date.now() - started });
    });
  });
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHMARKS.includes(w));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
// Every run compares both databases: without TEST_DATABASE_URL, a throwaway server on loopback.
const postgres = await startThrowawayPostgres();
if (postgres) process.env.TEST_DATABASE_URL = postgres.url;
const rows: string[][] = [];
for (const name of wanted.length ? wanted : BENCHMARKS) {
  const { code, ms } = await runOne(name);
  rows.push([
    name,
    code === 0 ? 'ok' : `FAILED (exit ${code})`,
    `${(ms / 1000).toFixed(1)} s`,
    `bench/results/${name}.json`,
  ]);
}
await postgres?.stop();
console.log(renderTable({ title: 'Benchmarks', headers: ['benchmark', 'result', 'time', 'results'], rows }));
process.exitCode = rows.some((r) => r[1] !== 'ok') ? 1 : 0;
