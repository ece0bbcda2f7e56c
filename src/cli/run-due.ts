// `stat run-due [--now …]`: the scheduler's work, once, for cities that prefer system cron. Its
// Slack client and job dependencies come from the same factories as `npm start`'s.
// SIGTERM/SIGINT stop it between two Slack calls: the call in flight finishes and is recorded,
// unsent notices (and the rest of a multi-step notice) are handed back due now, the database is
// closed (removing the embedded database's lock file), and it exits non-zero with one line.
import { createJobDeps } from '../app/job-deps.js';
import { createSlackClient, type SlackCallPolicy } from '../app/slack-client.js';
import type { Config } from '../config.js';
import { openDatabase } from '../infra/db/client.js';
import { createLogger } from '../infra/logger.js';
import { runDueJobs } from '../scheduler/jobs/run-due-jobs.js';

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export interface RunDueOptions {
  /** Tests only: a shorter Slack call policy, so a hung call gives up within a test's patience. */
  slackPolicy?: SlackCallPolicy;
}

export async function runDueOnce(now: Date, config: Config, opts: RunDueOptions = {}): Promise<number> {
  const logger = createLogger(config.log);
  const stop = new AbortController();
  let stoppedBy: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppedBy) {
      // A second signal: the operator means it. Claims left behind are taken over after their lease.
      console.error(`run-due: ${signal} again, exiting at once; unfinished notices resume after their lease`);
      process.exit(SIGNAL_EXIT[signal] ?? 1);
    }
    stoppedBy = signal;
    logger.info(`${signal}: stopping after the Slack call in flight`, { signal });
    stop.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  let summary = '';
  let failed = false;
  try {
    const db = await openDatabase(config.database);
    try {
      const client = createSlackClient(config.slack, logger, opts.slackPolicy);
      const deps = createJobDeps({
        prisma: db.prisma,
        client,
        logger,
        charts: config.charts,
        publishing: config.publishing,
        sources: config.sources,
        programFile: config.programFile,
        role: 'cli',
      });
      const report = await runDueJobs(now, { ...deps, signal: stop.signal });
      summary = `planned ${report.planned}, sent ${report.sent}, skipped ${report.skipped}, deferred ${report.deferred}, failed ${report.failed}`;
      failed = report.failed > 0;
    } finally {
      await db.close();
    }
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
  // Decided after closing: a signal that came while the database was closing still counts.
  const signal: NodeJS.Signals | null = stoppedBy;
  if (signal) {
    console.error(
      `run-due stopped by ${signal} at ${now.toISOString()}: ${summary}; what was not sent was handed back for the next run`,
    );
    return SIGNAL_EXIT[signal] ?? 1;
  }
  console.log(`run-due at ${now.toISOString()}: ${summary}`);
  return failed ? 2 : 0;
}
