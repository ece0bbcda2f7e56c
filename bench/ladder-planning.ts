// Issue 11: planning the collection ladder for 1,000 liaisons (100 departments × 10, ~8,200 rows)
// before the first DM can go out — once from nothing, then again (idempotent: nothing new). On
// in-memory PGlite, and on PostgreSQL when one is at hand (TEST_DATABASE_URL or ci-postgres.sh).
// Two rounds on fresh databases: the first in a process that has never run these queries (the
// WASM engines compile as they go), the second as a running bot plans a new month, warm.
import { loadProgramFile } from '../src/infra/program-file/load-program-file.js';
import { planCollectionNotices } from '../src/services/notices/plan-collection.js';
import { importProgram } from '../src/services/program-import/import-program.js';
import { type DatabaseTarget, findPostgres, openBenchDatabase } from './lib/databases.js';
import { runBench } from './lib/harness.js';
import { writeProgramFile } from './lib/program.js';
import { type Cell, fmtMs } from './lib/report.js';

const SHAPE = { departments: 100, liaisonsPerDepartment: 10, metricsPerDepartment: 3 };
const NOW = new Date('2026-11-02T15:30:00Z'); // as bench/collection-fanout.ts: October is plannable
const TARGET_MS = 500;

runBench('ladder-planning', 'Planning the reminder ladder for 1,000 liaisons (issue 11)', async (ctx) => {
  const program = await writeProgramFile(SHAPE);
  const postgres = await findPostgres();
  const targets: [string, DatabaseTarget][] = [['PGlite (in memory)', { kind: 'pglite' }]];
  if (postgres) targets.push([`PostgreSQL (${postgres.source})`, postgres]);
  const rows: Cell[][] = [];
  try {
    const loaded = await loadProgramFile(program.file);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    for (const [label, target] of targets)
      for (const round of ['first in this process', 'warm'] as const) {
        const db = await openBenchDatabase(target);
        try {
          await importProgram(db.prisma, loaded.value, { actor: 'bench', now: NOW });
          let started = performance.now();
          const first = await planCollectionNotices(db.prisma, NOW);
          const firstMs = performance.now() - started;
          started = performance.now();
          const again = await planCollectionNotices(db.prisma, NOW);
          const againMs = performance.now() - started;
          const total = await db.prisma.scheduledNotice.count();
          rows.push([label, round, first, fmtMs(firstMs), again, fmtMs(againMs)]);
          ctx.check(again === 0 && total === first, `${label} (${round}): planning again creates nothing`);
          if (round === 'warm')
            ctx.check(
              firstMs <= TARGET_MS,
              `${label}: a warm plan takes ≤ ${TARGET_MS} ms (${Math.round(firstMs)} ms)`,
            );
          ctx.data[`${label} (${round})`] = { first, firstMs, again, againMs, total };
        } finally {
          await db.close();
        }
      }
    ctx.table({
      title: `${SHAPE.departments} departments × ${SHAPE.liaisonsPerDepartment} liaisons`,
      headers: ['database', 'process', 'rows planned', 'time', 'rows on planning again', 'planning again'],
      rows,
    });
    if (!postgres)
      ctx.note('PostgreSQL not measured: set TEST_DATABASE_URL or run `bash scripts/ci-postgres.sh start`.');
  } finally {
    await program.remove();
  }
});
