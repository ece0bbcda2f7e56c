// Starts bench/lib/ack-server in a child process and wraps its IPC messages. Compiled JavaScript
// from dist/ (`npm run bench` builds it first), as `npm start` runs the bot; tsx only without a build.
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnswersMessage, MemoryMessage, ParentMessage, ReadyMessage, ServerKind } from './ack-server.js';
import { startNodeFlags } from './start-script.js';

export interface ServerProcess {
  kind: ServerKind;
  label: string;
  pid: number;
  url: string;
  departments: ReadyMessage['departments'];
  start: ReadyMessage['start'];
  /** Current RSS, peak RSS since the last reset, and the lifetime high-water mark (bytes). */
  memory(reset?: boolean): Promise<MemoryMessage>;
  /** Each request's time inside the server (headers read → answer written) since the last call, ms. */
  answers(): Promise<number[]>;
  stop(): Promise<void>;
}

const SOURCE = fileURLToPath(new URL('./ack-server.ts', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/bench/lib/ack-server.js', import.meta.url));
/** Whether the servers run compiled (the production way) or through the TypeScript loader. */
export const RUNS_COMPILED = existsSync(BUILT);

export async function startServerProcess(
  kind: ServerKind,
  label: string,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const child = fork(RUNS_COMPILED ? BUILT : SOURCE, [], {
    // Compiled, with the start script's Node flags (memory settings), as `npm start` runs the bot.
    execArgv: [
      ...(RUNS_COMPILED ? startNodeFlags() : ['--import', 'tsx']),
      // BENCH_CPU_PROF_DIR: each server writes a CPU profile there when it exits (where its time goes).
      ...(process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []),
    ],
    env: { ...process.env, ...env, BENCH_SERVER: kind },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await nextMessage<ReadyMessage>(child, 'ready', timeoutMs);
  return {
    kind,
    label,
    pid: child.pid!,
    url: `http://127.0.0.1:${ready.port}/slack/events`,
    departments: ready.departments,
    start: ready.start,
    async memory(reset = false) {
      const answer = nextMessage<MemoryMessage>(child, 'memory', 10_000);
      child.send({ type: 'memory', reset } satisfies ParentMessage);
      return answer;
    },
    async answers() {
      const answer = nextMessage<AnswersMessage>(child, 'answers', 10_000);
      child.send({ type: 'answers' } satisfies ParentMessage);
      return (await answer).ms;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.send({ type: 'stop' } satisfies ParentMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type'], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (m: { type?: string }) => {
      if (m.type !== type) return;
      cleanup();
      resolve(m as T);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the ${type} message never came: child exited with ${code}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`no ${type} message from the child within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
