// The whole bot on its real parts, locally: a migrated database with the sample program, the
// Slack sandbox with the program's people and channels, the Bolt app (HTTP or Socket Mode), a
// driver that speaks Slack's protocols to it, and a clock the test moves. Tests and the demo use it.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BoltApp, createApp } from '../src/app/create-app.js';
import type { Clock, Deps } from '../src/app/deps.js';
import { createPublishing } from '../src/app/job-deps.js';
import { createSlackClient } from '../src/app/slack-client.js';
import { prepareHttpServer } from '../src/app/start-app.js';
import type { Database } from '../src/infra/db/client.js';
import { type Logger, silentLogger } from '../src/infra/logger.js';
import { loadProgramFile } from '../src/infra/program-file/load-program-file.js';
import { noPacing } from '../src/infra/slack/pacer.js';
import { slackWorkspaceDirectory } from '../src/infra/slack/workspace-directory.js';
import type { SourceRuntime } from '../src/infra/sources/runtime.js';
import { type JobReport, runDueJobs } from '../src/scheduler/jobs/run-due-jobs.js';
import { type ResolvedProgram, resolveProgramPeople } from '../src/services/people/resolve-people.js';
import { importProgram } from '../src/services/program-import/import-program.js';
import { noCharts, type PacketChartRenderer } from '../src/services/roundtable/packet-charts.js';
import {
  createHttpDriver,
  createSocketDriver,
  type SlackDriver,
  type SlackSandbox,
  startSlackSandbox,
} from './slack-sandbox/index.js';

export class ManualClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date | string): void {
    this.at = new Date(at);
  }
}

export interface LocalStack {
  sandbox: SlackSandbox;
  driver: SlackDriver;
  app: BoltApp;
  db: Database;
  clock: ManualClock;
  deps: Deps;
  /** The program file with everyone's Slack id (emails resolved against the sandbox). */
  program: ResolvedProgram;
  /** Runs the scheduler's job once at the clock's time (or `at`). */
  runDue(at?: Date | string): Promise<JobReport>;
  close(): Promise<void>;
}

export interface LocalStackOptions {
  db: Database;
  now: Date | string;
  mode?: 'http' | 'socket';
  programFile?: string;
  logger?: Logger;
  charts?: PacketChartRenderer;
  /** Publish results here at the program's publish moment (and for `/stat publish`). */
  publishDir?: string;
  /** Data sources to pull from when a period closes (see src/infra/sources). */
  sources?: SourceRuntime;
  onViolation?: (v: { method: string; message: string }) => void;
  /**
   * Adds workspace members and user groups before the import (people named by email, groups).
   * When given, or when the file needs Slack to resolve people, the import resolves against the sandbox.
   */
  seedWorkspace?: (sandbox: SlackSandbox) => void;
}

export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const loaded = await loadProgramFile(opts.programFile ?? 'examples/riverton.yaml');
  if (!loaded.ok || loaded.value.kind !== 'program')
    throw new Error(loaded.ok ? 'expected a program file' : loaded.errors.join('\n'));
  const clock = new ManualClock(new Date(opts.now));
  const sandbox = await startSlackSandbox({ onViolation: opts.onViolation });
  for (const p of loaded.value.program.people)
    if (p.slack_id)
      sandbox.addUser({
        id: p.slack_id,
        name: p.name.toLowerCase().replace(/\W+/g, '.'),
        realName: p.name,
        ...(p.email ? { email: p.email } : {}),
      });
  opts.seedWorkspace?.(sandbox);
  const file = loaded.value.program;
  const needsSlack =
    opts.seedWorkspace !== undefined ||
    file.people.some((p) => !p.slack_id) ||
    file.departments.some((d) => d.liaisons || d.heads);
  const directory = needsSlack
    ? slackWorkspaceDirectory(createSlackClient({ botToken: 'xoxb-sandbox', apiUrl: sandbox.apiUrl }, silentLogger))
    : null;
  const resolved = await resolveProgramPeople(file, directory);
  if (!resolved.ok) throw new Error(resolved.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  const program = { ...file, people: resolved.value.people };
  await importProgram(opts.db.prisma, loaded.value, { actor: 'setup', now: clock.now(), people: resolved.value });
  const everyone = program.people.map((p) => p.slack_id);
  for (const d of program.departments)
    if (d.channel)
      sandbox.addChannel({ id: d.channel, name: d.key.toLowerCase(), members: everyone, botIsMember: true });
  for (const m of program.meetings)
    sandbox.addChannel({ id: m.channel, name: m.key, members: everyone, botIsMember: true });
  // The citywide brief's channel (issue 17).
  if (program.brief?.channel)
    sandbox.addChannel({ id: program.brief.channel, name: 'cabinet', members: everyone, botIsMember: true });

  const logger = opts.logger ?? silentLogger;
  const charts = opts.charts ?? noCharts;
  const publishing = createPublishing({ dir: opts.publishDir, baseUrl: 'https://data.riverton.example.gov/stat/' });
  const deps: Deps = { prisma: opts.db.prisma, clock, logger, charts: { renderer: 'local' }, publishing };
  const mode = opts.mode ?? 'http';
  const slack = {
    botToken: 'xoxb-sandbox',
    mode,
    port: 0,
    apiUrl: sandbox.apiUrl,
    ...(mode === 'socket' ? { appToken: 'xapp-sandbox' } : { signingSecret: sandbox.signingSecret }),
  };
  const app = createApp(slack, deps, { processBeforeResponse: true, socketPingTimeoutMs: 300 });
  let driver: SlackDriver;
  if (mode === 'http') {
    // Loopback only: tests and the demo never listen on other interfaces.
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    prepareHttpServer(server);
    const { port } = server.address() as AddressInfo;
    driver = createHttpDriver({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: sandbox.signingSecret,
      sandbox,
    });
  } else {
    await app.start();
    await sandbox.socket.waitForConnection(5000, 1);
    driver = createSocketDriver({ sandbox });
  }
  return {
    sandbox,
    driver,
    app,
    db: opts.db,
    clock,
    deps,
    program,
    runDue: (at) => {
      if (at) clock.set(at);
      return runDueJobs(clock.now(), {
        prisma: opts.db.prisma,
        client: app.client,
        logger,
        pacer: noPacing,
        workerId: 'local-stack',
        charts,
        publishing,
        ...(opts.sources ? { sources: opts.sources } : {}),
      });
    },
    async close() {
      await app.stop().catch(() => undefined);
      await sandbox.close();
    },
  };
}
