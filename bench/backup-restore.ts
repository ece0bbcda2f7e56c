// Issue 18: backup and restore time for 5 years × 50 departments × 20 metrics (60,000 monthly
// values), on embedded PGlite and (when one is running) PostgreSQL, beside the raw database size.
// Restore time includes everything a restore does: checking the file end to end, replaying the
// migrations, loading, setting sequences and re-reading every table's checksum before commit.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestsOf } from '../src/infra/db/backup/copy-database.js';
import { restoreBackup } from '../src/infra/db/backup/restore-backup.js';
import { writeBackup } from '../src/infra/db/backup/write-backup.js';
import { loadProgramFile } from '../src/infra/program-file/load-program-file.js';
import { importProgram } from '../src/services/program-import/import-program.js';
import { type DatabaseTarget, findPostgres, openBenchDatabase } from './lib/databases.js';
import { runBench } from './lib/harness.js';
import { loadHistory } from './lib/history.js';
import { writeProgramFile } from './lib/program.js';
import { fmtMb, fmtMs, timed } from './lib/report.js';

const SHAPE = { departments: 50, metricsPerDepartment: 20, liaisonsPerDepartment: 1 };
const MONTHS = 60;
const NOW = new Date('2026-11-13T15:00:00Z');

runBench(
  'backup-restore',
  'Backup and restore: 5 years × 50 departments × 20 metrics (issue 18)',
  async (ctx) => {
    const program = await writeProgramFile(SHAPE);
    const dir = await mkdtemp(join(tmpdir(), 'stat-bench-backup-'));
    const targets: DatabaseTarget[] = [{ kind: 'pglite' }];
    const postgres = await findPostgres();
    if (postgres) targets.push(postgres);
    else ctx.note('PostgreSQL skipped: set TEST_DATABASE_URL or start scripts/ci-postgres.sh');
    const rows: Array<Array<string | number>> = [];
    try {
      for (const target of targets) {
        const source = await openBenchDatabase(target);
        const restored = await openBenchDatabase(target);
        try {
          const loaded = await loadProgramFile(program.file);
          if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
          await importProgram(source.prisma, loaded.value, { actor: 'bench', now: NOW });
          const values = await loadHistory(source.prisma, { lastPeriod: '2026-10', months: MONTHS, submittedAt: NOW });
          const [size] = await source.prisma.$queryRawUnsafe<Array<{ bytes: bigint }>>(
            'SELECT pg_database_size(current_database()) AS bytes',
          );
          const backup = await timed(() => writeBackup(source, { dir }, NOW));
          const restore = await timed(() => restoreBackup(restored, backup.value.file));
          const same = JSON.stringify(await digestsOf(source)) === JSON.stringify(await digestsOf(restored));
          ctx.check(same, `${target.kind}: every table's row count and checksum identical after restore`);
          const totalRows = backup.value.tables.reduce((n, t) => n + t.rows, 0);
          rows.push([
            target.kind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL 15',
            values,
            totalRows,
            fmtMb(Number(size?.bytes ?? 0)),
            `${(backup.value.bytes / 1024).toFixed(0)} KB`,
            fmtMs(backup.ms),
            fmtMs(restore.ms),
          ]);
          ctx.data[target.kind] = {
            values,
            rows: totalRows,
            databaseBytes: Number(size?.bytes ?? 0),
            backupBytes: backup.value.bytes,
            backupMs: backup.ms,
            restoreMs: restore.ms,
          };
        } finally {
          await restored.close();
          await source.close();
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
      await program.remove();
    }
    ctx.table({
      title: 'Backup and restore, 60,000 monthly values',
      headers: [
        'database',
        'values',
        'rows (all tables)',
        'raw database size',
        'backup file',
        'backup',
        'restore (checked)',
      ],
      rows,
    });
    ctx.note("Raw size: pg_database_size (tables, indexes and the catalog). Backup: gzip'd JSON lines.");
  },
  { timeoutMs: 10 * 60_000 },
);
