// `stat run-due [--now …]`: the scheduler's work, once, for cities that prefer system cron. Its
// Slack client and job dependencies come from the same factories as `npm start`'s.
import { createJobDeps } from '../app/job-deps.js';
import { createSlackClient, type SlackCallPolicy } from '../app/slack-client.js';
import type { Config } from '../config.js';
import { openDatabase } from '../infra/db/client.js';
import { createLogger } from '../infra/logger.js';
import { runDueJobs } from '../scheduler/jobs/run-due-jobs.js';

export interface RunDueOptions {
  /** Tests only: a shorter Slack call policy, so a hung call gives up within a test's patience. */
  slackPolicy?: SlackCallPolicy;
}

export async function runDueOnce(now: Date, config: Config, opts: RunDueOptions = {}): Promise<number> {
  const logger = createLogger(config.log);
  const db = await openDatabase(config.database);
  try {
    const client = createSlackClient(config.slack, logger, opts.slackPolicy);
    const deps = createJobDeps({
      prisma: db.prisma,
      client,
      logger,
      charts: config.charts,
      sources: config.sources,
      programFile: config.programFile,
      role: 'cli',
    });
    const report = await runDueJobs(now, deps);
    console.log(
      `run-due at ${now.toISOString()}: planned ${report.planned}, sent ${report.sent}, skipped ${report.skipped}, deferred ${report.deferred}, failed ${report.failed}`,
    );
    return report.failed > 0 ? 2 : 0;
  } finally {
    await db.close();
  }
}
