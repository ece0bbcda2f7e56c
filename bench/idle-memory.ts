// Issue 11: idle RSS on the production start path — the command of package.json's `start` script
// (compiled JavaScript, plain Node, with whatever flags that script gives), the bot on an already
// migrated PGlite folder and on PostgreSQL, side by side with a bare Bolt app (HTTPReceiver,
// listeners that only ack) measured in the same run. Each is its own process; this one plays Slack.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startSlackSandbox } from '../local-stack/slack-sandbox/index.js';
import { type BotDatabase, prepareBotDatabase } from './lib/bot-database.js';
import { type DatabaseTarget, findPostgres } from './lib/databases.js';
import { runBench } from './lib/harness.js';
import { loadHistory } from './lib/history.js';
import { writeProgramFile } from './lib/program.js';
import { type Cell, fmtMb, median } from './lib/report.js';
import { RUNS_COMPILED, type ServerProcess, startServerProcess } from './lib/server-process.js';
import { startCommand } from './lib/start-script.js';

const SHAPE = { departments: 50, metricsPerDepartment: 4, liaisonsPerDepartment: 1, meetingDepartments: 3 };
const NOW = '2026-11-10T15:00:00Z';
/**
 * How long RSS is left to settle once the start (and the scheduler's first tick) has gone quiet.
 * IDLE_SETTLE_MS lengthens it, to look inside the idle bots meanwhile (gdb, /proc/<pid>/smaps).
 */
const SETTLE_MS = Number(process.env.IDLE_SETTLE_MS ?? 25_000);
const SAMPLES = 10;
const SAMPLE_EVERY_MS = 300;
const TARGETS = { pglite: 200, postgres: 150 }; // MB (issue 11)
const ROOT = fileURLToPath(new URL('..', import.meta.url));

runBench(
  'idle-memory',
  'Idle RSS as `npm start` runs the bot, against a bare Bolt app (issue 11)',
  async (ctx) => {
    if (!RUNS_COMPILED) throw new Error('no dist/ build: run `npm run build` first (`npm run bench` does)');
    const command = startCommand();
    const program = await writeProgramFile(SHAPE);
    const sandbox = await startSlackSandbox();
    for (const id of [program.chair, ...program.departments.flatMap((d) => [d.head, ...d.liaisons])])
      sandbox.addUser({ id, name: id.toLowerCase() });
    const postgres = await findPostgres();
    const databases: BotDatabase[] = [];
    const bots: { label: string; kind: 'pglite' | 'postgres'; child: ChildProcess }[] = [];
    let bare: ServerProcess | undefined;
    const copies: string[] = [];
    try {
      const targets: { label: string; target: DatabaseTarget }[] = [
        { label: 'bot (PGlite)', target: { kind: 'pglite' } },
        ...(postgres ? [{ label: 'bot (PostgreSQL)', target: postgres }] : []),
      ];
      const variants = readVariants();
      for (const { label, target } of targets) {
        const db = await prepareBotDatabase(target, program.file, new Date(NOW), (prisma) =>
          loadHistory(prisma, { lastPeriod: '2026-09', months: 24, submittedAt: new Date(NOW) }),
        );
        databases.push(db);
        for (const variant of variants) {
          let dataDir = db.env.BENCH_DATA_DIR?.replace(/\/pglite$/, '');
          if (dataDir && variants.length > 1) {
            // One folder per bot (each holds its folder's lock): copies of the prepared one.
            const copy = mkdtempSync(join(tmpdir(), 'stat-bench-idle-'));
            cpSync(dataDir, copy, { recursive: true });
            copies.push(copy);
            dataDir = copy;
          }
          const env: Record<string, string> = {
            SLACK_BOT_TOKEN: 'xoxb-sandbox',
            SLACK_SIGNING_SECRET: sandbox.signingSecret,
            SLACK_API_URL: sandbox.apiUrl,
            PORT: '0',
            LOG_FORMAT: 'json',
            LOG_LEVEL: 'info',
            NODE_ENV: 'production',
            ...(db.env.BENCH_DATABASE_URL ? { DATABASE_URL: db.env.BENCH_DATABASE_URL } : { DATA_DIR: dataDir! }),
            ...variant.env,
          };
          const name = variant.label ? `${label} ${variant.label}` : label;
          bots.push({ label: name, kind: target.kind, child: await startBot(command, env, variant) });
        }
      }
      bare = await startServerProcess('bare', 'bare Bolt app', {
        BENCH_SLACK_API_URL: sandbox.apiUrl,
        BENCH_SIGNING_SECRET: sandbox.signingSecret,
        BENCH_NOW: NOW,
      });
      await quiet(() => sandbox.calls.length);
      await sleep(SETTLE_MS);
      const pids = [bare.pid, ...bots.map((b) => b.child.pid!)];
      const samples = pids.map(() => [] as number[]);
      for (let i = 0; i < SAMPLES; i++) {
        for (const [j, pid] of pids.entries()) samples[j]!.push(status(pid, 'VmRSS'));
        await sleep(SAMPLE_EVERY_MS);
      }
      const rss = samples.map((s) => median(s));
      const byMethod = new Map<string, number>();
      for (const c of sandbox.calls) byMethod.set(c.method, (byMethod.get(c.method) ?? 0) + 1);
      const calls = [...byMethod].map(([m, n]) => `${m} × ${n}`).join(', ');
      const hwm = pids.map((pid) => status(pid, 'VmHWM'));
      const mb = (bytes: number) => bytes / 1024 / 1024;
      const rows: Cell[][] = [
        ['idle RSS (median of samples)', fmtMb(rss[0]!), ...bots.map((_, i) => fmtMb(rss[i + 1]!))],
        ['high-water mark since start (VmHWM)', fmtMb(hwm[0]!), ...bots.map((_, i) => fmtMb(hwm[i + 1]!))],
        [
          'target (issue 11)',
          '—',
          ...bots.map((b, i) => `≤ ${TARGETS[b.kind]} MB: ${mb(rss[i + 1]!) <= TARGETS[b.kind] ? 'met' : 'not met'}`),
        ],
      ];
      ctx.table({
        title: 'Idle RSS side by side (same run)',
        headers: ['figure', 'bare Bolt app', ...bots.map((b) => b.label)],
        rows,
      });
      ctx.note(
        `The bot runs \`${command.join(' ')}\` (package.json's start script after its build), HTTP mode, scheduler on, on a database already migrated and holding 50 departments × 4 metrics with 24 months of history; RSS is read from /proc once the sandbox has had no call for 2 s, plus ${SETTLE_MS / 1000} s. Slack calls made while starting (all three apps; the scheduler's first tick runs its queries, whether or not it has anything to send): ${calls || 'none'}.`,
      );
      if (!postgres)
        ctx.note(
          'bot (PostgreSQL): skipped — set TEST_DATABASE_URL or start one with `bash scripts/ci-postgres.sh start`.',
        );
      Object.assign(ctx.data, {
        startCommand: command,
        slackCalls: Object.fromEntries(byMethod),
        idleRss: Object.fromEntries([['bare', rss[0]], ...bots.map((b, i) => [b.label, rss[i + 1]])]),
        highWaterMark: Object.fromEntries([['bare', hwm[0]], ...bots.map((b, i) => [b.label, hwm[i + 1]])]),
      });
    } finally {
      await bare?.stop();
      for (const b of bots) await stopChild(b.child);
      for (const db of databases) await db.remove();
      for (const copy of copies) rmSync(copy, { recursive: true, force: true });
      await sandbox.close();
      await program.remove();
    }
  },
  { timeoutMs: 15 * 60_000 },
);

/**
 * IDLE_VARIANTS (JSON list of { label, node?, flags?, startFlags?, env?, script? }): bots started
 * side by side in the same run, each on its own copy of the database, to compare a change before
 * making it, e.g. '[{"label":"as is"},{"label":"arenas 2","env":{"MALLOC_ARENA_MAX":"2"}}]'. `node`
 * is another Node executable, `flags` extra Node flags, `startFlags` flags instead of the start
 * script's (an earlier start script), `script` another build's entry file (e.g. a copy of an
 * earlier dist/). Without it, one bot per database, plus IDLE_NODE_FLAGS if set.
 */
interface Variant {
  label?: string;
  node?: string;
  flags?: string[];
  startFlags?: string[];
  env?: Record<string, string>;
  script?: string;
}
function readVariants(): Variant[] {
  if (process.env.IDLE_VARIANTS) return JSON.parse(process.env.IDLE_VARIANTS) as Variant[];
  // IDLE_NODE_FLAGS: extra Node flags for the bot, to try one before putting it in the start script.
  return [{ flags: process.env.IDLE_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [] }];
}

/** Starts the bot and resolves once it logs that it is running. */
function startBot(argv: string[], env: Record<string, string>, variant: Variant): Promise<ChildProcess> {
  const args = variant.startFlags ? [...variant.startFlags, argv[argv.length - 1]!] : argv.slice(1);
  if (variant.script) args[args.length - 1] = variant.script;
  const child = spawn(variant.node ?? process.execPath, [...(variant.flags ?? []), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bot did not start within 120 s:\n${output}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('stat-bot is running')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}) before it was running:\n${output}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Waits until `count` has not changed for 2 s (the scheduler's first tick has finished sending). */
async function quiet(count: () => number): Promise<void> {
  let last = -1;
  while (count() !== last) {
    last = count();
    await sleep(2000);
  }
}

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no ${field} for process ${pid}`);
  return Number(kb) * 1024;
}
