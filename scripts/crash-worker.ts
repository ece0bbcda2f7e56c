// A burst of real writes on an embedded PGlite folder, for the SIGKILL test
// (test/reliability/pglite-crash.test.ts): department submissions and follow-up answers through
// the same services the Slack handlers call, each acknowledged on stdout only after its
// transaction has committed — the moment the bot would ack Slack.
//
// Protocol: JSON lines on stdout: {"type":"ready"}, then {"type":"ack","what":"submission","i":N,
// "dept":"DPW"} and {"type":"ack","what":"answer","i":N}, forever, until killed.
// CRASH_DATA_DIR is the PGlite folder; CRASH_START the first index (distinct per start).
import { openDatabase } from '../src/infra/db/client.js';
import { loadProgramFile } from '../src/infra/program-file/load-program-file.js';
import { recordSubmission } from '../src/services/collection/record-submission.js';
import { answerFollowUp } from '../src/services/followups/answer-followup.js';
import { createFollowUp } from '../src/services/followups/create-followup.js';
import { importProgram } from '../src/services/program-import/import-program.js';

const PERIOD = '2026-10';
const NOW = new Date('2026-11-05T15:00:00Z');
const OWNER = 'U0DPWLIA1';
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

async function main(): Promise<void> {
  const dataDir = process.env.CRASH_DATA_DIR;
  if (!dataDir) throw new Error('crash-worker: CRASH_DATA_DIR is required');
  const db = await openDatabase({ dataDir });
  const { prisma } = db;
  if (!(await prisma.program.findFirst())) {
    const loaded = await loadProgramFile('examples/riverton.yaml');
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    await importProgram(prisma, loaded.value, { actor: 'crash-test', now: NOW });
  }
  const departments = await prisma.department.findMany({ include: { metrics: true }, orderBy: { id: 'asc' } });
  for (const d of departments)
    await prisma.departmentPeriod.upsert({
      where: { departmentId_period: { departmentId: d.id, period: PERIOD } },
      create: { departmentId: d.id, period: PERIOD, dueDate: '2026-11-06' },
      update: {},
    });
  const dpw = departments.find((d) => d.key === 'DPW');
  if (!dpw) throw new Error('crash-worker: no DPW in the sample program');
  await createFollowUp(prisma, {
    departmentId: dpw.id,
    ownerUserId: OWNER,
    text: 'Keep answering while the power goes',
    dueDate: '2026-12-15',
    createdBy: 'U0CHAIR01',
    now: NOW,
    interactionKey: 'crash-followup',
  });
  const followUp = await prisma.followUp.findFirstOrThrow({ where: { text: 'Keep answering while the power goes' } });
  emit({ type: 'ready' });

  for (let i = Number(process.env.CRASH_START ?? 0); ; i++) {
    const dept = departments[i % departments.length];
    if (!dept) continue;
    await recordSubmission(prisma, {
      departmentId: dept.id,
      period: PERIOD,
      entries: dept.metrics.map((m) => ({ metricId: m.id, value: i, notAvailable: false, note: `burst ${i}` })),
      userId: 'U0CRASH01',
      now: NOW,
      interactionKey: `crash-sub-${i}`,
      dueMetricIds: dept.metrics.map((m) => m.id),
    });
    emit({ type: 'ack', what: 'submission', i, dept: dept.key });
    await answerFollowUp(prisma, {
      followUpId: followUp.id,
      userId: OWNER,
      kind: 'update',
      note: `update ${i}`,
      now: NOW,
    });
    emit({ type: 'ack', what: 'answer', i });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
