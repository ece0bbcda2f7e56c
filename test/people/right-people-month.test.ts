// A month of collection with the right people at the right time: a liaison on leave whose delegate
// answers, a liaison in Tokyo for a New York program, a person who is liaison for three
// departments. Run hour by hour through the sandbox: nobody away is reminded, no DM leaves outside
// its recipient's working hours, and each person gets one DM per ladder step.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWithinWorkingHours } from '../../src/domain/calendar/index.js';
import { AWAY_BLOCKS, OPEN_AWAY_ACTION_ID } from '../../src/views/away-view.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

const FILE = path.join(mkdtempSync(path.join(tmpdir(), 'statbot-month-')), 'city.yaml');
writeFileSync(
  FILE,
  `program:
  name: Harbor City Stat
  timezone: America/New_York
  starts_with: 2026-10
  reminders: { days_before: 2, overdue_every: 2, escalate_after: 3, max_overdue: 3, send_time: "10:00" }
people:
  - { name: Chair Cho, slack_id: U0CHAIR, roles: [chair, admin] }
  - { name: Head Hana, email: hana@harbor.example.gov, roles: ["head:PARKS", "head:ROADS", "head:LIBRARY", "head:PORT"] }
  - { name: Pat Three, email: pat@harbor.example.gov, roles: ["liaison:PARKS", "liaison:ROADS", "liaison:LIBRARY"] }
  - { name: Kenji Tokyo, email: kenji@harbor.example.gov, roles: ["liaison:ROADS"] }
  - { name: Ana Leave, email: ana@harbor.example.gov, roles: ["liaison:PORT"] }
  - { name: Dee Delegate, email: dee@harbor.example.gov, roles: [] }
departments:
${['PARKS', 'ROADS', 'LIBRARY', 'PORT']
  .map(
    (k) => `  - key: ${k}
    name: ${k[0]}${k.slice(1).toLowerCase()}
    metrics:
      - { key: m1, name: ${k} measure, polarity: higher_is_better, target: 10 }
`,
  )
  .join('')}`,
);

const TZ: Record<string, string> = {
  U0CHAIR: 'America/New_York',
  U0HANA: 'America/New_York',
  U0PAT: 'America/Chicago',
  U0KENJI: 'Asia/Tokyo',
  U0ANA: 'America/New_York',
  U0DEE: 'America/Los_Angeles',
};

const stack = useLocalStack({
  now: '2026-11-01T15:00:00Z',
  programFile: FILE,
  seedWorkspace: (sandbox) => {
    for (const [id, tz] of Object.entries(TZ)) {
      const name = id.slice(2).toLowerCase();
      sandbox.addUser({ id, name, tz, email: `${name}@harbor.example.gov` });
    }
    sandbox.addUser({ id: 'U0STRANGER', name: 'stranger' });
  },
});

const CAL = { workdayStart: '09:00', workdayEnd: '17:00', holidays: [] as string[] };

async function setAway(userId: string, delegate: string) {
  const s = stack();
  await s.driver.appHomeOpened(userId);
  await s.sandbox.waitForCall('views.publish', { where: (c) => c.args.user_id === userId, timeoutMs: 5000 });
  const home = s.sandbox.homeView(userId)!;
  await s.driver.blockAction({ userId, actionId: OPEN_AWAY_ACTION_ID, view: home });
  const modal = s.sandbox.openViews(userId).at(-1)!;
  return s.driver.viewSubmission({
    userId,
    view: modal,
    values: {
      [AWAY_BLOCKS.start]: { start: { type: 'datepicker', selected_date: '2026-11-01' } },
      [AWAY_BLOCKS.end]: { end: { type: 'datepicker', selected_date: '2026-11-30' } },
      [AWAY_BLOCKS.delegate]: { delegate: { type: 'users_select', selected_user: delegate } },
    },
  });
}

describe('a month with the right people at the right time', () => {
  it('refuses a delegate the program does not know, then saves the absence from App Home', async () => {
    const refused = await setAway('U0ANA', 'U0STRANGER');
    expect(refused.body).toMatchObject({
      response_action: 'errors',
      errors: { [AWAY_BLOCKS.delegate]: expect.stringContaining('not in the stat program') },
    });
    const saved = await setAway('U0ANA', 'U0DEE');
    expect(saved.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(stack().sandbox.homeView('U0ANA')?.blocks)).toContain('<@U0DEE> answers for you');
  });

  it('runs November every three hours: nobody away reminded, nothing outside working hours, one DM per step', {
    timeout: 240_000,
  }, async () => {
    const s = stack();
    for (let t = Date.parse('2026-11-01T16:00:00Z'); t <= Date.parse('2026-11-18T23:00:00Z'); t += 3 * 3_600_000)
      await s.runDue(new Date(t));
    const sent = await s.db.prisma.scheduledNotice.findMany({
      where: { status: 'sent', kind: { startsWith: 'collect_' } },
      orderBy: { id: 'asc' },
    });
    const target = (n: (typeof sent)[number]) => `U${n.slackChannel!.slice(1)}`;
    expect(sent.length).toBeGreaterThan(10);
    // 0 reminders to anyone away: Ana is on leave all month.
    expect(sent.filter((n) => target(n) === 'U0ANA')).toEqual([]);
    // 0 sent outside the recipient's own working hours (Kenji's are Tokyo's).
    const outside = sent.filter((n) => !isWithinWorkingHours(n.sentAt!, { ...CAL, timezone: TZ[target(n)]! }));
    expect(outside.map((n) => `${n.key} → ${target(n)} at ${n.sentAt!.toISOString()}`)).toEqual([]);
    expect(sent.some((n) => target(n) === 'U0KENJI')).toBe(true);
    // One DM per person per ladder step.
    const perStep = new Map<string, number>();
    for (const n of sent) {
      const k = `${target(n)}:${n.key.split(':')[3]}`;
      perStep.set(k, (perStep.get(k) ?? 0) + 1);
    }
    expect([...perStep].filter(([, count]) => count > 1)).toEqual([]);
    // Pat's opening DM lists all three departments; Dee's answers for Ana.
    const dms = (user: string) => s.sandbox.messages.filter((m) => m.channel === `D${user.slice(1)}`);
    const patOpening = dms('U0PAT').find((m) => m.text.includes('has closed'))!;
    for (const name of ['Parks', 'Roads', 'Library']) expect(patOpening.text).toContain(name);
    expect(dms('U0DEE').length).toBeGreaterThan(0);
    expect(dms('U0DEE')[0]!.text).toContain('For Ana Leave, who is away');
    expect(dms('U0HANA').filter((m) => m.text.includes('late')).length).toBeGreaterThan(0);
  });
});
