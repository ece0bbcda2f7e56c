// People by email and user groups, resolved through the sandbox's users.lookupByEmail, users.info,
// usergroups.list and usergroups.users.list (each call checked against the vendored method specs).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SlackSandbox, startSlackSandbox } from '../../local-stack/slack-sandbox/index.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { createSlackClient } from '../../src/app/slack-client.js';
import { runProgramCheck } from '../../src/cli/program-check.js';
import { importProgramFile } from '../../src/cli/program-import.js';
import { silentLogger } from '../../src/infra/logger.js';
import { slackWorkspaceDirectory, type WorkspaceDirectory } from '../../src/infra/slack/workspace-directory.js';
import { syncUserGroups } from '../../src/services/people/sync-groups.js';

const NOW = new Date('2026-11-02T15:00:00Z');

const CITY_FILE = (opts: { anaEmail?: string; group?: string } = {}) => `program:
  name: Email City
  timezone: America/New_York
people:
  - name: Mayor Chair
    slack_id: U0CHAIR
    roles: [chair, admin]
  - name: Ana Ortiz
    email: ${opts.anaEmail ?? 'ana@city.example.gov'}
    roles: ["liaison:DPW", "liaison:WATER"]
  - name: Ken Sato
    email: ken@city.example.gov
    roles: ["head:DPW"]
departments:
  - key: DPW
    name: Public Works
    sign_off: head
    metrics:
      - { key: potholes, name: Potholes filled, polarity: higher_is_better, target: 100 }
  - key: WATER
    name: Water
    liaisons: "${opts.group ?? '@water-stat'}"
    metrics:
      - { key: breaks, name: Main breaks, polarity: lower_is_better, target: 5 }
`;

let db: TestDatabase;
let sandbox: SlackSandbox;
let directory: WorkspaceDirectory;
let dir: string;
const violations: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  sandbox = await startSlackSandbox({ onViolation: (v) => violations.push(`${v.method}: ${v.message}`) });
  sandbox.addUser({ id: 'U0CHAIR', name: 'chair' });
  sandbox.addUser({ id: 'U0ANA', name: 'ana', realName: 'Ana Ortiz', email: 'ana@city.example.gov' });
  sandbox.addUser({ id: 'U0KEN', name: 'ken', realName: 'Ken Sato', email: 'ken@city.example.gov', tz: 'Asia/Tokyo' });
  sandbox.addUser({ id: 'U0LEE', name: 'lee', realName: 'Lee Park', tz: 'America/Chicago' });
  sandbox.addUserGroup({ id: 'S0WATER', handle: 'water-stat', name: 'Water stat', users: ['U0LEE', 'U0ANA'] });
  sandbox.addUserGroup({ id: 'S0EMPTY', handle: 'nobody-stat', name: 'Empty', users: [] });
  directory = slackWorkspaceDirectory(
    createSlackClient({ botToken: 'xoxb-sandbox', apiUrl: sandbox.apiUrl }, silentLogger),
  );
  dir = await mkdtemp(path.join(tmpdir(), 'statbot-people-'));
});
afterAll(async () => {
  await sandbox?.close();
  await db?.close();
});

async function fileWith(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('people by email and user groups', () => {
  it('an unknown email and an empty group are reported with their lines, and nothing is imported', async () => {
    const file = await fileWith('bad.yaml', CITY_FILE({ anaEmail: 'nobody@city.example.gov', group: '@nobody-stat' }));
    const outcome = await importProgramFile(db.prisma, file, { actor: 'test', now: NOW }, directory);
    expect(outcome.ok).toBe(false);
    expect(outcome.lines[0]).toContain('2 problems, nothing was imported');
    expect(outcome.lines).toContain(
      `  ${file}:9: people.1.email: no Slack member has the email nobody@city.example.gov`,
    );
    expect(outcome.lines).toContain(
      `  ${file}:22: departments.1.liaisons: user group @nobody-stat has nobody in it, so WATER would have no liaisons`,
    );
    expect(await db.prisma.program.count()).toBe(0);
    expect(await db.prisma.person.count()).toBe(0);
  });

  it('an unknown group is refused too, and so is an email without a Slack token to look it up', async () => {
    const file = await fileWith('unknown-group.yaml', CITY_FILE({ group: '@no-such-group' }));
    const outcome = await importProgramFile(db.prisma, file, { actor: 'test', now: NOW }, directory);
    expect(outcome.lines).toContain(
      `  ${file}:22: departments.1.liaisons: there is no Slack user group @no-such-group`,
    );
    const offline = await importProgramFile(db.prisma, await fileWith('ok.yaml', CITY_FILE()), {
      actor: 'test',
      now: NOW,
    });
    expect(offline.ok).toBe(false);
    expect(offline.lines.join('\n')).toContain('ana@city.example.gov needs Slack to look it up: set SLACK_BOT_TOKEN');
    expect(await db.prisma.person.count()).toBe(0);
  });

  it('imports emails as Slack members with their time zones, and a group’s members as liaisons', async () => {
    const file = await fileWith('ok.yaml', CITY_FILE());
    const outcome = await importProgramFile(db.prisma, file, { actor: 'test', now: NOW }, directory);
    expect(outcome.ok).toBe(true);
    expect(outcome.lines[0]).toContain('Imported');
    const ken = await db.prisma.person.findUniqueOrThrow({ where: { slackUserId: 'U0KEN' } });
    expect(ken).toMatchObject({ email: 'ken@city.example.gov', tz: 'Asia/Tokyo' });
    const water = await db.prisma.department.findUniqueOrThrow({
      where: { key: 'WATER' },
      include: { members: { include: { person: true }, orderBy: { id: 'asc' } } },
    });
    expect(water.liaisonGroupId).toBe('S0WATER');
    // Ana is WATER's liaison by the file; Lee only through the group.
    expect(water.members.map((m) => [m.person.slackUserId, m.viaGroup])).toEqual([
      ['U0ANA', false],
      ['U0LEE', true],
    ]);
    expect((await db.prisma.department.findUniqueOrThrow({ where: { key: 'DPW' } })).signOff).toBe(true);
    const again = await importProgramFile(db.prisma, file, { actor: 'test', now: NOW }, directory);
    expect(again.lines[0]).toContain('Nothing changed');
    expect(violations).toEqual([]);
  });

  it('re-reads a group when the period opens: turnover follows Slack, an empty group is reported once', async () => {
    const directory2 = directory;
    sandbox.addUser({ id: 'U0NEW', name: 'new', realName: 'New Hire', tz: 'America/Denver' });
    sandbox.addUserGroup({ id: 'S0WATER', handle: 'water-stat', name: 'Water stat', users: ['U0NEW'] });
    const first = await syncUserGroups(db.prisma, directory2, { period: '2026-11', force: false }, NOW);
    expect(first.changed).toBe(2); // Lee out, the new hire in (Ana stays: the file names her)
    const water = await db.prisma.departmentMember.findMany({
      where: { department: { key: 'WATER' }, role: 'liaison' },
      include: { person: true },
      orderBy: { id: 'asc' },
    });
    expect(water.map((m) => m.person.slackUserId)).toEqual(['U0ANA', 'U0NEW']);
    // Once per period: nothing is asked again until the next one (or /stat status forces it).
    sandbox.addUserGroup({ id: 'S0WATER', handle: 'water-stat', name: 'Water stat', users: [] });
    expect((await syncUserGroups(db.prisma, directory2, { period: '2026-11', force: false }, NOW)).toReport).toEqual(
      [],
    );
    const empty = await syncUserGroups(db.prisma, directory2, { period: '2026-11', force: true }, NOW);
    expect(empty.toReport).toEqual([{ departmentName: 'Water', role: 'liaison', groupId: 'S0WATER' }]);
    expect(empty.admins).toEqual(['U0CHAIR']);
    const again = await syncUserGroups(db.prisma, directory2, { period: '2026-11', force: true }, NOW);
    expect(again.toReport).toEqual([]);
    sandbox.addUserGroup({ id: 'S0WATER', handle: 'water-stat', name: 'Water stat', users: ['U0LEE', 'U0ANA'] });
  });

  it('program check prints who receives what and writes nothing', async () => {
    const file = await fileWith('check.yaml', CITY_FILE());
    const before = await db.prisma.auditEvent.count();
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await runProgramCheck(file, directory)).toBe(0);
      const text = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(text).toContain('DPW — Public Works (head signs off)');
      expect(text).toContain('escalations and sign-off requests → Ken Sato (U0KEN, Asia/Tokyo)');
      expect(text).toContain('Lee Park (U0LEE, America/Chicago, via @water-stat)');
      expect(text).toContain('Ana Ortiz serves DPW, WATER: one DM per reminder step lists them all.');
      expect(text).toContain('Nothing was written.');
    } finally {
      log.mockRestore();
    }
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });
});
