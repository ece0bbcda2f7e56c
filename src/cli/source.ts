// `stat source test <DEPT>.<metric> [--period 2026-10]`: what a source returns, nothing stored.
// `stat source pull [--period …] [--department …]`: re-pulls and stores (the same value twice is
// one revision). Neither prints a secret: failures carry redacted details only.
import type { Config } from '../config.js';
import { lastClosedPeriod } from '../domain/calendar/index.js';
import { isPeriodKey } from '../domain/calendar/periods.js';
import { openDatabase } from '../infra/db/client.js';
import { createSourceRuntime } from '../infra/sources/create-runtime.js';
import { loadProgramSettings } from '../services/program-settings.js';
import { loadSourcedMetrics, pullAndStore, pullMetrics } from '../services/sources/pull-sources.js';
import { describeSourceFailure } from '../views/source-failure-notice.js';
import { CliError } from './cli-error.js';

type SourceConfig = Pick<Config, 'database' | 'sources' | 'programFile'>;

export async function runSourceCommand(
  sub: string | undefined,
  arg: string | undefined,
  opts: { period?: string; department?: string; now: Date },
  config: SourceConfig,
): Promise<number> {
  if (opts.period && !isPeriodKey(opts.period))
    throw new CliError(`--period "${opts.period}" is not a period such as 2026-10 or 2026-Q3`);
  const db = await openDatabase(config.database);
  const rt = createSourceRuntime(config.sources, { programFile: config.programFile });
  try {
    const { calendar } = await loadProgramSettings(db.prisma);
    if (sub === 'test') {
      const [dept, metric] = (arg ?? '').split('.');
      if (!dept || !metric) throw new CliError('source test needs <DEPT>.<metric>, e.g. DPW.sr_on_time');
      const period =
        opts.period ?? lastClosedPeriod(opts.now, metric.includes('Q') ? 'quarterly' : 'monthly', calendar.timezone);
      const metrics = await loadSourcedMetrics(db.prisma, { period, departmentKey: dept, metricKey: metric });
      if (metrics.length === 0)
        throw new CliError(`${dept}.${metric} has no source due in ${period} (check the program file)`);
      const [r] = await pullMetrics(metrics, period, rt);
      if (!r!.ok) {
        console.log(`${dept}.${metric} ${period}: failed — ${describeSourceFailure(r!.code)} (${r!.detail})`);
        return 1;
      }
      console.log(
        `${dept}.${metric} ${period}: ${r!.pulled.value} (raw ${r!.pulled.raw})${r!.pulled.note ? ` — note: ${r!.pulled.note}` : ''}; nothing stored`,
      );
      return 0;
    }
    if (sub === 'pull') {
      const period = opts.period ?? lastClosedPeriod(opts.now, 'monthly', calendar.timezone);
      const report = await pullAndStore(db.prisma, rt, {
        period,
        now: opts.now,
        departmentKey: opts.department,
        force: true,
      });
      console.log(
        `${period}: ${report.pulled} pulled, ${report.failed.length} failed, ${report.revised} confirmed values revised`,
      );
      for (const f of report.failed)
        console.log(`  ${f.departmentKey} ${f.metricName}: ${describeSourceFailure(f.code)} (${f.detail})`);
      return report.failed.length ? 1 : 0;
    }
    throw new CliError('usage: source test <DEPT>.<metric> [--period P] | source pull [--period P] [--department D]');
  } finally {
    await rt.sql.close();
    await db.close();
  }
}
