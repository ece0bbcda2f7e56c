// Maps wall-clock time to jobs. The durable schedule lives in the database; this timer only
// wakes up every minute to run whatever has come due (including what came due while down).
import schedule from 'node-schedule';
import type { Clock } from '../app/deps.js';
import { type BackupJobDeps, runBackupJob } from './jobs/daily-backup.js';
import { type JobDeps, runDueJobs } from './jobs/run-due-jobs.js';

export interface RunningScheduler {
  stop(): Promise<void>;
  /** Runs the jobs now (also what each tick does); ticks never overlap. */
  tick(): Promise<void>;
}

export function startScheduler(deps: JobDeps, clock: Clock, backup?: BackupJobDeps): RunningScheduler {
  let running: Promise<void> | null = null;
  // Aborted on stop: delivery hands unsent claims straight back instead of holding them to lease end.
  const shutdown = new AbortController();
  const tick = async () => {
    if (running) return running;
    running = (async () => {
      try {
        const report = await runDueJobs(clock.now(), { ...deps, signal: shutdown.signal });
        if (report.sent + report.failed + report.planned > 0) deps.logger.info('scheduled jobs ran', { ...report });
      } catch (err) {
        deps.logger.error('scheduled jobs failed; will retry next minute', { err });
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const job = schedule.scheduleJob('* * * * *', () => void tick());
  const backups = backup ? scheduleBackups(backup, clock) : null;
  return {
    tick,
    async stop() {
      job.cancel();
      await backups?.stop();
      shutdown.abort();
      await running; // finish in-flight work (its rows are claimed under lease) before exit
    },
  };
}

/** BACKUP_DIR set: every hour at :17 the daily backup runs if it is due (after 03:00 local, once a day). */
function scheduleBackups(deps: BackupJobDeps, clock: Clock): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const run = () => {
    running ??= runBackupJob(clock.now(), deps)
      .catch((err: unknown) => deps.logger.error('daily backup job failed', { err }))
      .finally(() => {
        running = null;
      });
  };
  const job = schedule.scheduleJob('17 * * * *', run);
  run(); // on start too: a bot that was down at 03:00 catches up
  return {
    async stop() {
      job.cancel();
      await running;
    },
  };
}
