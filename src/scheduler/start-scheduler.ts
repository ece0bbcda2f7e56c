// Maps wall-clock time to jobs. The durable schedule lives in the database; this timer only
// wakes up every minute to run whatever has come due (including what came due while down).
import schedule from 'node-schedule';
import type { Clock } from '../app/deps.js';
import { type JobDeps, runDueJobs } from './jobs/run-due-jobs.js';

export interface RunningScheduler {
  stop(): Promise<void>;
  /** Runs the jobs now (also what each tick does); ticks never overlap. */
  tick(): Promise<void>;
}

export function startScheduler(deps: JobDeps, clock: Clock): RunningScheduler {
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
  return {
    tick,
    async stop() {
      job.cancel();
      shutdown.abort();
      await running; // finish in-flight work (its rows are claimed under lease) before exit
    },
  };
}
