// `stat run-due [--now …]`: the scheduler's work, once, for cities that prefer system cron.
import { randomUUID } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { parseConfig, parseDatabaseConfig } from '../config.js';
import { openDatabase } from '../infra/db/client.js';
import { createLogger } from '../infra/logger.js';
import { createPacer } from '../infra/slack/pacer.js';
import { runDueJobs } from '../scheduler/jobs/run-due-jobs.js';
import { createPacketCharts } from '../services/roundtable/create-packet-charts.js';
import { CliError } from './cli-error.js';

export async function runDueOnce(now: Date, env: Record<string, string | undefined>): Promise<number> {
  const parsed = parseConfig(env);
  if (!parsed.ok)
    throw new CliError(`run-due sends Slack messages and needs the Slack settings:\n  ${parsed.errors.join('\n  ')}`);
  const { slack, log } = parsed.config;
  const db = await openDatabase(parseDatabaseConfig(env));
  try {
    const client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl });
    const report = await runDueJobs(now, {
      prisma: db.prisma,
      client,
      logger: createLogger(log),
      pacer: createPacer(),
      workerId: `cli-${randomUUID()}`,
      charts: createPacketCharts(parsed.config.charts),
    });
    console.log(
      `run-due at ${now.toISOString()}: planned ${report.planned}, sent ${report.sent}, skipped ${report.skipped}, deferred ${report.deferred}, failed ${report.failed}`,
    );
    return report.failed > 0 ? 2 : 0;
  } finally {
    await db.close();
  }
}
