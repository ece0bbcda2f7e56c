// Issue 4: `/stat agenda` on five years of data for 50 departments × 20 metrics, on PGlite and (when
// one is available) PostgreSQL. Two paths, interleaved run by run: buildAgenda called directly, and
// the slash command sent as a signed request until the last response_url post (the app runs with
// processBeforeResponse, so the HTTP reply waits for the whole listener).

import { startLocalStack } from '../local-stack/local-stack.js';
import { buildAgenda } from '../src/services/roundtable/build-agenda.js';
import { findMeeting } from '../src/services/roundtable/find-meeting.js';
import { type DatabaseTarget, findPostgres, openBenchDatabase } from './lib/databases.js';
import { type BenchContext, runBench } from './lib/harness.js';
import { loadHistory } from './lib/history.js';
import { type GeneratedProgram, writeProgramFile } from './lib/program.js';
import { type Cell, fmtMs, percentile, timed } from './lib/report.js';

const SHAPE = { departments: 50, metricsPerDepartment: 20, liaisonsPerDepartment: 1, meetingDepartments: 3 };
const MONTHS = 60;
const RUNS = 20;
const WARMUP = 3;
const NOW = new Date('2026-11-10T15:00:00Z'); // a week before the 17 Nov roundtable, which reviews October

runBench('agenda-latency', '`/stat agenda` latency: 5 years × 50 departments × 20 metrics (issue 4)', async (ctx) => {
  const program = await writeProgramFile(SHAPE);
  const rows: Cell[][] = [];
  try {
    const postgres = await findPostgres();
    const targets: DatabaseTarget[] = [{ kind: 'pglite' }, ...(postgres ? [postgres] : [])];
    for (const target of targets) rows.push(await measure(ctx, program, target));
    ctx.table({
      title: `p50 / p95 over ${RUNS} runs each (after ${WARMUP} warm-up runs), the meeting's 3 departments`,
      headers: [
        'database',
        'values',
        'setup (import + sandbox + app)',
        'bulk load (createMany)',
        'buildAgenda p50',
        'p95',
        '/stat agenda request p50',
        'p95',
        'responses per request',
      ],
      rows,
    });
    if (!postgres)
      ctx.note('PostgreSQL: skipped — set TEST_DATABASE_URL or start one with `bash scripts/ci-postgres.sh start`.');
    else ctx.note(`PostgreSQL from ${postgres.source}; each run gets its own fresh database on it.`);
  } finally {
    await program.remove();
  }
});

async function measure(ctx: BenchContext, program: GeneratedProgram, target: DatabaseTarget): Promise<Cell[]> {
  const db = await openBenchDatabase(target);
  try {
    const setup = await timed(() => startLocalStack({ db, now: NOW, programFile: program.file }));
    const stack = setup.value;
    try {
      const load = await timed(() =>
        loadHistory(db.prisma, { lastPeriod: '2026-10', months: MONTHS, submittedAt: NOW }),
      );
      const meeting = (await findMeeting(db.prisma, { kind: 'next' }, NOW, 'America/New_York'))!;
      const direct: number[] = [];
      const request: number[] = [];
      let responses = 0;
      let failed = 0;
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const built = await timed(() => buildAgenda(db.prisma, meeting.id, NOW));
        const before = stack.sandbox.responses().length;
        const sent = await timed(() =>
          stack.driver.slashCommand({ command: '/stat', text: 'agenda', userId: program.chair }),
        );
        if (i < WARMUP) continue;
        if (built.value?.departments.length !== 3 || sent.value.status !== 200) failed++;
        direct.push(built.ms);
        request.push(sent.ms);
        responses = stack.sandbox.responses().length - before;
      }
      ctx.check(
        failed === 0,
        `${target.kind}: all ${RUNS} runs built a 3-department agenda and the command was answered (failed: ${failed})`,
      );
      ctx.check(
        responses > 0 && stack.sandbox.violations.length === 0,
        `${target.kind}: the agenda reached the chair (${responses} response_url posts) with no sandbox violations`,
      );
      ctx.data[target.kind] = {
        values: load.value,
        importMs: setup.ms,
        loadMs: load.ms,
        directMs: direct,
        requestMs: request,
        responses,
      };
      return [
        target.kind,
        load.value,
        fmtMs(setup.ms),
        fmtMs(load.ms),
        fmtMs(percentile(direct, 50)),
        fmtMs(percentile(direct, 95)),
        fmtMs(percentile(request, 50)),
        fmtMs(percentile(request, 95)),
        responses,
      ];
    } finally {
      await stack.close();
    }
  } finally {
    await db.close();
  }
}
