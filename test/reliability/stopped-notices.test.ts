// A multi-step notice stopped part-way is finished by the next run, each step exactly once
// (issue 10, defect 1). The real `stat run-due` runs as a child process on an embedded database
// folder; a proxy in front of the Slack sandbox holds the k-th step's first Web API call, so the
// process is provably between steps k-1 and k, and is stopped there — for every k:
// - SIGTERM: the held call is let through; run-due finishes that step, stops before the next,
//   hands the notice back, closes the database (lock file gone) and exits 143 with one line.
// - SIGKILL: the held call never reaches Slack; after the lease the next run takes the notice over.
// Then run-due runs again, and the steps Slack received are compared with an uninterrupted run.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackSandbox } from '../../local-stack/slack-sandbox/index.js';
import { LOCK_FILE, openDatabase } from '../../src/infra/db/client.js';
import { loadProgramFile } from '../../src/infra/program-file/load-program-file.js';
import { planMeetings } from '../../src/services/meetings/plan-meetings.js';
import { importProgram } from '../../src/services/program-import/import-program.js';
import { type ProxiedCall, startHoldingProxy } from '../helpers/holding-proxy.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROOM = 'C0PKSROOM';
const CHAIR = 'U0PKCHAIR';
const LIAISON = 'U0PKSLIA1';
const HEAD = 'U0PKSHEAD';
const PEOPLE = [CHAIR, LIAISON, HEAD];
const IMPORT_NOW = new Date('2026-11-02T14:00:00Z');

const PROGRAM = `program:
  name: Stop Test Stat
  timezone: America/New_York
  working_hours: { start: "09:00", end: "17:00" }
  due_rule: 5 business days after period end
  reminders: { days_before: 2, overdue_every: 2, escalate_after: 3, max_overdue: 5, send_time: "10:00" }
people:
  - { slack_id: ${CHAIR}, name: Chair Person, roles: [chair] }
  - { slack_id: ${LIAISON}, name: Lia Son, roles: ["liaison:PKS"] }
  - { slack_id: ${HEAD}, name: Hed Person, roles: ["head:PKS"] }
departments:
  - key: PKS
    name: Parks
    metrics:
      - { key: mowing, name: Parks mowed on schedule, unit: "%", polarity: higher_is_better, target: 90, tolerance: 5, decimals: 1, min: 0, max: 100 }
meetings:
  - key: roundtable
    name: Parks Roundtable
    channel: ${ROOM}
    chair: ${CHAIR}
    recurrence: third Tuesday 10:00
    rotation: [[PKS]]
    packet_lead_hours: 48
history: history.csv
`;

function historyCsv(): string {
  const rows = ['department,metric,period,value'];
  for (let i = 0; i < 25; i++) {
    const d = new Date(Date.UTC(2024, 9 + i, 1));
    const period = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    rows.push(`PKS,mowing,${period},${(84 + (i % 7)).toFixed(1)}`);
  }
  return `${rows.join('\n')}\n`;
}

/** What a step's first call says, to compare runs: posts by channel and title, uploads by file. */
function stepOf(call: ProxiedCall): string | null {
  if (call.method === 'files.getUploadURLExternal') return `upload ${String(call.args.filename)}`;
  if (call.method !== 'chat.postMessage') return null;
  const channel = String(call.args.channel);
  const text = String(call.args.text ?? '').slice(0, 40);
  if (channel === ROOM || PEOPLE.includes(channel))
    return `post ${channel}${call.args.thread_ts ? ' (thread)' : ''}: ${text}`;
  return null;
}

interface Base {
  dir: string;
  /** When the notice is due, and a rerun after the killed run's lease has run out. */
  at: Date;
}

let tmp: string;
let packetBase: Base;
let recordBase: Base;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'stat-stopped-'));
  writeFileSync(path.join(tmp, 'program.yaml'), PROGRAM);
  writeFileSync(path.join(tmp, 'history.csv'), historyCsv());
  const packetDir = path.join(tmp, 'packet-base');
  let db = await openDatabase({ dataDir: path.join(packetDir, 'pglite') });
  const loaded = await loadProgramFile(path.join(tmp, 'program.yaml'));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  await importProgram(db.prisma, loaded.value, { actor: 'test', now: IMPORT_NOW });
  await planMeetings(db.prisma, IMPORT_NOW);
  const packet = await db.prisma.scheduledNotice.findFirstOrThrow({
    where: { kind: 'packet', sendAt: { gt: IMPORT_NOW } },
    orderBy: { sendAt: 'asc' },
  });
  const meetingId = (packet.payload as { meetingId: number }).meetingId;
  await db.close();
  packetBase = { dir: packetDir, at: packet.sendAt };

  // The meeting record: the packet went out; two owners got follow-ups at the meeting.
  const recordDir = path.join(tmp, 'record-base');
  cpSync(packetDir, recordDir, { recursive: true });
  db = await openDatabase({ dataDir: path.join(recordDir, 'pglite') });
  await db.prisma.scheduledNotice.update({ where: { id: packet.id }, data: { status: 'sent' } });
  await db.prisma.meeting.update({
    where: { id: meetingId },
    data: { packetTs: '1.000100', packetPostedAt: packet.sendAt },
  });
  const dept = await db.prisma.department.findFirstOrThrow();
  for (const [i, owner] of [LIAISON, HEAD, LIAISON].entries())
    await db.prisma.followUp.create({
      data: {
        departmentId: dept.id,
        ownerUserId: owner,
        text: `Decision ${i + 1}`,
        dueDate: '2026-12-15',
        meetingId,
        createdBy: CHAIR,
        createdAt: packet.sendAt,
      },
    });
  const record = await db.prisma.scheduledNotice.findFirstOrThrow({ where: { kind: 'meeting_record' } });
  await db.close();
  recordBase = { dir: recordDir, at: record.sendAt };
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function runDue(
  dataDir: string,
  apiUrl: string,
  now: Date,
): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; stderr: string }>;
  logged: (text: string) => Promise<void>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run-due', '--now', now.toISOString()], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: 'xoxb-stopped-test',
      SLACK_SIGNING_SECRET: 'stopped-test-secret',
      SLACK_API_URL: apiUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      CHART_RENDERER: 'local',
    },
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  child.stdout!.resume();
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr })),
  );
  /** Resolves once the process has logged `text` (its logs are JSON lines on stderr). */
  const logged = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (stderr.includes(text)) resolve();
        else if (child.exitCode !== null) reject(new Error(`run-due exited before logging "${text}":\n${stderr}`));
        else setTimeout(check, 10);
      };
      check();
    });
  return { child, exited, logged };
}

/**
 * Runs the notice with run-due until it is done and returns the steps Slack received. With
 * `stopEach`, run k (k = 0 … steps-1) is stopped at step k, each time in a fresh process, and a
 * last run finishes the notice:
 * - SIGTERM arrives while step k is in flight: it completes, and the run stops before step k+1;
 * - SIGKILL: the run does step k-1 (left by the run before), then dies before step k reaches Slack.
 */
async function deliver(base: Base, stopEach?: { signal: 'SIGTERM' | 'SIGKILL'; steps: number }): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmp, 'run-'));
  cpSync(base.dir, dir, { recursive: true });
  const sandbox = await startSlackSandbox();
  for (const id of PEOPLE) sandbox.addUser({ id, name: id.toLowerCase() });
  sandbox.addChannel({ id: ROOM, name: 'parks-roundtable', members: PEOPLE, botIsMember: true });
  const proxy = await startHoldingProxy(sandbox.apiUrl, (c) => stepOf(c) !== null);
  const stepsDone = () =>
    sandbox.calls.filter((c) => c.ok && stepOf({ method: c.method, args: c.args }) !== null).length;
  try {
    let at = base.at;
    for (let k = 0; k < (stopEach?.steps ?? 0); k++) {
      const signal = stopEach!.signal;
      expect(stepsDone(), `steps done before run ${k + 1}`).toBe(signal === 'SIGTERM' ? k : Math.max(k - 1, 0));
      const held = proxy.holdStep(proxy.stepsSeen() + (signal === 'SIGKILL' && k > 0 ? 1 : 0));
      const run = runDue(dir, proxy.apiUrl, at);
      await Promise.race([held, run.exited.then((e) => Promise.reject(new Error(`run-due ended early: ${e.stderr}`)))]);
      run.child.kill(signal);
      if (signal === 'SIGTERM') {
        // Signals reach a busy process late: let the held call through once it has seen this one.
        await run.logged('SIGTERM: stopping after the Slack call in flight');
        await proxy.release(); // the step in flight completes and is recorded; then the run stops
        const { code, stderr } = await run.exited;
        expect(code, stderr).toBe(143);
        const said = stderr.split('\n').filter((line) => line.trim() && !line.startsWith('{')); // not the JSON logs
        expect(said).toEqual([expect.stringMatching(/^run-due stopped by SIGTERM .*handed back/)]);
        expect(existsSync(path.join(dir, 'pglite', LOCK_FILE)), 'the lock file is removed').toBe(false);
      } else {
        await run.exited;
        proxy.drop(); // it never reaches Slack
        at = new Date(at.getTime() + 10 * 60_000); // the killed run's lease (5 min) has run out
      }
    }
    const last = await runDue(dir, proxy.apiUrl, at).exited;
    expect(last.code, last.stderr).toBe(0);
    sandbox.assertNoViolations();
    return sandbox.calls
      .filter((c) => c.ok)
      .map((c) => stepOf({ method: c.method, args: c.args }))
      .filter((s): s is string => s !== null);
  } finally {
    await proxy.close();
    await sandbox.close();
  }
}

describe.each([
  { notice: 'packet', base: () => packetBase, steps: 4 },
  { notice: 'meeting record', base: () => recordBase, steps: 3 },
])('a $notice stopped at each of its steps', ({ base, steps }) => {
  let expected: string[];
  beforeAll(async () => {
    expected = await deliver(base());
  }, 60_000);

  it('has the steps this test stops between (an uninterrupted run)', () => {
    expect(expected).toHaveLength(steps);
    expect(new Set(expected).size).toBe(steps);
  });

  it.each(['SIGTERM', 'SIGKILL'] as const)(
    '%s at every step: each next run does the rest, each step once',
    async (signal) => {
      expect(await deliver(base(), { signal, steps })).toEqual(expected);
    },
    180_000,
  );
});
