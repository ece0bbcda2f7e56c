// `stat run-due [--now …]`: the scheduler's work, once, for cities that prefer system cron.
// SIGTERM/SIGINT stop it between two Slack calls: the call in flight finishes and is recorded,
// unsent notices (and the rest of a multi-step notice) are handed back due now, the database is
// closed (removing the embedded database's lock file), and it exits non-zero with one line.
import { randomUUID } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { parseConfig, parseDatabaseConfig } from '../config.js';
import { openDatabase } from '../infra/db/client.js';
import { createLogger } from '../infra/logger.js';
import { createPacer } from '../infra/slack/pacer.js';
import { runDueJobs } from '../scheduler/jobs/run-due-jobs.js';
import { createPacketCharts } from '../services/roundtable/create-packet-charts.js';
import { CliError } from './cli-error.js';

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export async function runDueOnce(now: Date, env: Record<string, string | undefined>): Promise<number> {
  const parsed = parseConfig(env);
  if (!parsed.ok)
    throw new CliError(`run-due sends Slack messages and needs the Slack settings:\n  ${parsed.errors.join('\n  ')}`);
  const { slack, log } = parsed.config;
  const logger = createLogger(log);
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
    const db = await openDatabase(parseDatabaseConfig(env));
    try {
      const client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl });
      const report = await runDueJobs(now, {
        prisma: db.prisma,
        client,
        logger,
        pacer: createPacer(),
        workerId: `cli-${randomUUID()}`,
        charts: createPacketCharts(parsed.config.charts),
        signal: stop.signal,
      });
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
