// stat-bot's entry point: config → database → app → scheduler → start. Any setup problem ends
// the process at once with one readable message, never a stack trace.
import { createApp } from './app/create-app.js';
import { systemClock } from './app/deps.js';
import { createJobDeps, createPublishing } from './app/job-deps.js';
import { createSlackClient } from './app/slack-client.js';
import { startApp } from './app/start-app.js';
import { importProgramFile } from './cli/program-import.js';
import { parseConfig } from './config.js';
import { serveBackups } from './infra/db/backup/backup-socket.js';
import { openDatabase } from './infra/db/client.js';
import { DatabaseUnavailableError } from './infra/db-errors.js';
import { collectWhenIdle } from './infra/idle-gc.js';
import { createLogger } from './infra/logger.js';
import { slackWorkspaceDirectory } from './infra/slack/workspace-directory.js';
import { startScheduler } from './scheduler/start-scheduler.js';

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(`stat-bot cannot start — fix these settings:\n${parsed.errors.map((e) => `  • ${e}`).join('\n')}`);
    process.exit(1);
  }
  const config = parsed.config;
  const logger = createLogger(config.log);
  const db = await openDatabase(config.database);
  if (config.programFile) {
    // PROGRAM_FILE: the program is (re)imported at every start; unchanged, it changes nothing.
    const directory = slackWorkspaceDirectory(createSlackClient(config.slack, logger));
    const outcome = await importProgramFile(
      db.prisma,
      config.programFile,
      { actor: 'start', now: systemClock.now() },
      directory,
    );
    if (!outcome.ok) {
      console.error(`stat-bot cannot start — PROGRAM_FILE is not a valid program:\n${outcome.lines.join('\n')}`);
      await db.close();
      process.exit(1);
    }
    for (const line of outcome.lines) logger.info(line);
    for (const warning of outcome.warnings) logger.warn(warning);
  }
  // Embedded PGlite: `stat backup` cannot open the folder while we hold it, so it asks us.
  const backupServer =
    db.kind === 'pglite'
      ? await serveBackups(db, config.database.dataDir, (err) => logger.warn('backup request failed', { err }))
      : null;
  const deps = {
    prisma: db.prisma,
    clock: systemClock,
    logger,
    charts: config.charts,
    publishing: createPublishing(config.publishing),
  };
  const app = createApp(config.slack, deps);
  await startApp(app, deps, config.slack.port);
  // A malformed request can make a library reject a promise nobody awaits; log it and keep serving.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection (kept running)', { err: reason }));
  collectWhenIdle(); // memory held since start given back once idle (see idle-gc.ts)
  logger.info(
    `stat-bot is running (${config.slack.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.slack.port}, /slack/events`}; ${db.kind} database)`,
  );
  const scheduler = config.scheduler
    ? startScheduler(
        createJobDeps({
          prisma: db.prisma,
          client: app.client,
          logger,
          charts: config.charts,
          publishing: config.publishing,
          sources: config.sources,
          programFile: config.programFile,
          role: 'bot',
        }),
        systemClock,
        config.backup.dir
          ? {
              db,
              client: app.client,
              logger,
              settings: { dir: config.backup.dir, keep: config.backup.keep },
            }
          : undefined,
      )
    : null;
  await scheduler?.tick();

  const shutdown = async (signal: string) => {
    logger.info(`${signal}: finishing in-flight work, then stopping`);
    await scheduler?.stop();
    await backupServer?.close();
    await app.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof DatabaseUnavailableError) console.error(`stat-bot cannot start: ${err.userMessage}`);
  else console.error(`stat-bot cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
