// The frame every benchmark runs in: a heading, tables printed as they are measured, checks that
// fail the run, JSON results in bench/results/<name>.json, and a watchdog so a run always ends.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { renderTable, type Table } from './report.js';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

export interface BenchContext {
  /** Prints a markdown table now and keeps it for the JSON file. */
  table(t: Table): void;
  /** A line of explanation under the tables (assumptions, settings, skipped parts). */
  note(text: string): void;
  /** A correctness condition; a false one fails the benchmark (after it has finished). */
  check(ok: boolean, what: string): void;
  /** Raw numbers for the JSON file. */
  data: Record<string, unknown>;
}

export interface BenchOptions {
  /** The process exits with an error after this long, whatever is still running. Default 5 min. */
  timeoutMs?: number;
}

export function runBench(
  name: string,
  title: string,
  body: (ctx: BenchContext) => Promise<void>,
  opts: BenchOptions = {},
): void {
  const timeoutMs = opts.timeoutMs ?? 5 * 60_000;
  const watchdog = setTimeout(() => {
    console.error(`\n${name}: gave up after ${timeoutMs / 1000} s`);
    process.exit(2);
  }, timeoutMs);
  watchdog.unref();
  const tables: Table[] = [];
  const notes: string[] = [];
  const failures: string[] = [];
  const ctx: BenchContext = {
    table(t) {
      tables.push(t);
      console.log(renderTable(t));
    },
    note(text) {
      notes.push(text);
      console.log(`- ${text}`);
    },
    check(ok, what) {
      console.log(`- check: ${what} … ${ok ? 'ok' : 'FAILED'}`);
      if (!ok) failures.push(what);
    },
    data: {},
  };
  const started = new Date();
  console.log(`## ${title}\n`);
  let error: string | undefined;
  body(ctx)
    .catch((err: unknown) => {
      error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      console.error(`${name} failed: ${error}`);
    })
    .then(async () => {
      const ok = !error && failures.length === 0;
      const result = {
        name,
        title,
        ok,
        startedAt: started.toISOString(),
        durationMs: Date.now() - started.getTime(),
        machine: {
          node: process.version,
          platform: process.platform,
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model ?? 'unknown',
        },
        tables,
        notes,
        failures,
        ...(error ? { error } : {}),
        data: ctx.data,
      };
      await mkdir(RESULTS_DIR, { recursive: true });
      const file = `${RESULTS_DIR}${name}.json`;
      await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
      console.log(
        `\n${ok ? 'done' : 'FAILED'} in ${(result.durationMs / 1000).toFixed(1)} s; results in bench/results/${name}.json\n`,
      );
      // Everything this benchmark opened is closed by now; exiting also ends a library's stray timer.
      process.exit(ok ? 0 : 1);
    });
}
