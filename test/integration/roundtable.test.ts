// The roundtable through signed requests and a real database: the packet posted once before the
// meeting (with charts, missing data, the chair's briefing, and the period locked), the agenda
// for the chair (and read-only for others), and a correction after an unlock threaded on the packet.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local-stack/local-stack.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { createChartRenderer } from '../../src/services/roundtable/packet-charts.js';
import { POST_AGENDA_ACTION_ID, RECORD_DECISION_ACTION_ID } from '../../src/views/agenda-message.js';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { formValues } from '../helpers/forms.js';

const ROOM = 'C0STATROOM';
const CHAIR = 'U0CHAIR01';
const PRIYA = 'U0DPWLIA1';
const TOM = 'U0WATLIA1';
// The November roundtable is Tue 17 Nov 10:00 (third Tuesday) for DPW and WATER; 48 h before is
// Sunday, so the packet goes out Fri 13 Nov at 10:00.
const PACKET_TIME = '2026-11-13T15:00:00Z';

let db: TestDatabase;
let s: LocalStack;
beforeAll(async () => {
  db = await createTestDatabase();
  s = await startLocalStack({ db, now: '2026-11-03T15:00:00Z', charts: createChartRenderer('local') });
  // Public Works submits October through the form; Watershed does not.
  await s.driver.slashCommand({ command: '/stat', text: 'submit', userId: PRIYA });
  const view = s.sandbox.openViews(PRIYA).find((v) => v.callback_id === SUBMISSION_CALLBACK_ID)!;
  await s.driver.viewSubmission({
    userId: PRIYA,
    view,
    values: await formValues(db.prisma, 'DPW', {
      sr_on_time: { value: '91.2', note: 'Bucket trucks out of service' },
      potholes_48h: { value: '92.5' },
      streetlights_7d: { value: '21' },
      missed_pickups: { value: '6.8' },
    }),
  });
});
afterAll(async () => {
  await s?.close();
  await db?.close();
});
afterEach(() => s.sandbox.assertNoViolations());

describe('the packet', () => {
  it('is not posted before its time', async () => {
    await s.runDue('2026-11-12T15:00:00Z');
    expect(s.sandbox.messagesIn(ROOM)).toHaveLength(0);
  });

  it('posts once, 48 h ahead moved to a working day: table, missing data, charts in the thread, briefing', async () => {
    const report = await s.runDue(PACKET_TIME);
    expect(report.failed).toBe(0);
    const [packet, ...rest] = s.sandbox.messagesIn(ROOM);
    expect(packet!.text).toContain('Packet for Monthly Performance Roundtable, Tue 17 Nov 10:00 (October 2026)');
    const body = JSON.stringify(packet!.blocks);
    expect(body).toContain('Public Works');
    expect(body).toContain('Off target'); // words, not just colour
    expect(body).toContain('Late or missing submissions');
    expect(body).toMatch(/Watershed Management: 0 of 4 entered/);
    // Charts: an overview and one per metric for both departments (2 + 8), PNGs, in the packet's thread.
    const charts = s.sandbox.files.filter((f) => !f.filename.startsWith('brief-')); // the citywide brief's are its own
    expect(charts).toHaveLength(10);
    expect(charts.every((f) => f.bytes?.subarray(1, 4).toString('latin1') === 'PNG' && f.threadTs === packet!.ts)).toBe(
      true,
    );
    expect(rest.every((m) => m.thread_ts === packet!.ts)).toBe(true);
    const briefing = s.sandbox.dmsTo(CHAIR).at(-1)!;
    expect(briefing.text).toContain('Briefing for Monthly Performance Roundtable');
    expect(JSON.stringify(briefing.blocks)).toContain('Service requests closed on time');
    // Posting locked the period for both departments.
    const locked = await db.prisma.departmentPeriod.findMany({
      where: { period: '2026-10', lockedAt: { not: null } },
      include: { department: true },
    });
    expect(locked.map((l) => l.department.key).sort()).toEqual(['DPW', 'WATER']);
    // Idempotent: running again posts nothing.
    const filesBefore = s.sandbox.files.length;
    await s.runDue('2026-11-13T15:05:00Z');
    expect(s.sandbox.messagesIn(ROOM).filter((m) => !m.thread_ts)).toHaveLength(1);
    expect(s.sandbox.files).toHaveLength(filesBefore);
  });

  it('a locked period refuses the form with a clear reason', async () => {
    const res = await s.driver.slashCommand({ command: '/stat', text: 'submit', userId: TOM });
    expect(JSON.stringify(s.sandbox.responses(res.responseUrl!))).toContain('October 2026 is locked');
  });

  it('after an unlock, a corrected value is announced in the packet thread', async () => {
    const unlock = await s.driver.slashCommand({ command: '/stat', text: 'unlock DPW 2026-10', userId: CHAIR });
    expect(JSON.stringify(s.sandbox.responses(unlock.responseUrl!))).toContain('is unlocked');
    await s.driver.slashCommand({ command: '/stat', text: 'submit', userId: PRIYA });
    const view = s.sandbox.openViews(PRIYA).find((v) => v.callback_id === SUBMISSION_CALLBACK_ID)!;
    await s.driver.viewSubmission({
      userId: PRIYA,
      view,
      values: await formValues(db.prisma, 'DPW', {
        sr_on_time: { value: '92.4', note: 'Bucket trucks out of service' },
        potholes_48h: { value: '92.5' },
        streetlights_7d: { value: '21' },
        missed_pickups: { value: '6.8' },
      }),
    });
    const packet = s.sandbox.messagesIn(ROOM).find((m) => !m.thread_ts)!;
    const note = s.sandbox.messagesIn(ROOM).find((m) => m.thread_ts === packet.ts && m.text.includes('Correction'));
    expect(note?.text).toContain("Correction to Public Works' October 2026 numbers");
    expect(note?.text).toContain('91.2% → *92.4%*');
  });

  it('a non-liaison cannot unlock', async () => {
    const res = await s.driver.slashCommand({ command: '/stat', text: 'unlock DPW 2026-10', userId: TOM });
    expect(JSON.stringify(s.sandbox.responses(res.responseUrl!))).toContain(
      'only chairs and admins can unlock a period',
    );
  });
});

describe('/stat agenda', () => {
  it('gives the chair a ranked agenda with Record decision buttons, and posts it on request', async () => {
    s.clock.set('2026-11-16T15:00:00Z');
    const res = await s.driver.slashCommand({ command: '/stat', text: 'agenda', userId: CHAIR });
    const reply = s.sandbox.responses(res.responseUrl!)[0]!;
    const json = JSON.stringify(reply.body);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(json).toContain('Agenda — Monthly Performance Roundtable, Tue 17 Nov 10:00');
    expect(json).toContain(RECORD_DECISION_ACTION_ID);
    expect(json).toContain('Missing data');
    // Items are ranked: a deteriorating signal or the most off-target first — here sr_on_time is the only off-target metric.
    expect(json.indexOf('Service requests closed on time')).toBeGreaterThan(-1);
    const before = s.sandbox.messagesIn(ROOM).length;
    const meeting = await db.prisma.meeting.findFirstOrThrow({ where: { packetTs: { not: null } } });
    // The agenda is ephemeral (not stored as a message), so the click is sent with the button's value.
    await s.driver.blockAction({
      userId: CHAIR,
      actionId: POST_AGENDA_ACTION_ID,
      value: String(meeting.id),
      type: 'button',
      container: { type: 'message', is_ephemeral: true },
    });
    const posted = s.sandbox.messagesIn(ROOM).slice(before);
    expect(posted[0]?.text).toContain('Agenda — Monthly Performance Roundtable');
    expect(JSON.stringify(posted[0]?.blocks)).not.toContain(RECORD_DECISION_ACTION_ID); // the channel copy is read-only
  });

  it('is read-only for a liaison and refused for someone outside the program', async () => {
    const liaison = await s.driver.slashCommand({ command: '/stat', text: 'agenda', userId: PRIYA });
    const text = JSON.stringify(s.sandbox.responses(liaison.responseUrl!));
    expect(text).toContain('Agenda —');
    expect(text).not.toContain(RECORD_DECISION_ACTION_ID);
    s.sandbox.addUser({ id: 'U0OUTSIDE', name: 'visitor' });
    const outsider = await s.driver.slashCommand({ command: '/stat', text: 'agenda', userId: 'U0OUTSIDE' });
    expect(JSON.stringify(s.sandbox.responses(outsider.responseUrl!))).toContain(
      'only chairs and admins can see the agenda',
    );
  });

  it('says clearly when no meeting matches', async () => {
    const res = await s.driver.slashCommand({ command: '/stat', text: 'agenda PARKS', userId: CHAIR });
    expect(JSON.stringify(s.sandbox.responses(res.responseUrl!))).toContain('I can\'t find a meeting for \\"PARKS\\"');
  });
});

describe('when things go wrong', () => {
  it('a channel the bot is not in: the chair is told how to invite it, nothing half-posted', async () => {
    const db2 = await createTestDatabase();
    const s2 = await startLocalStack({ db: db2, now: '2026-11-03T15:00:00Z' });
    try {
      s2.sandbox.addChannel({ id: ROOM, name: 'roundtable', members: [CHAIR], botIsMember: false });
      await s2.runDue(PACKET_TIME);
      expect(s2.sandbox.messagesIn(ROOM)).toHaveLength(0);
      expect(s2.sandbox.dmsTo(CHAIR).map((m) => m.text)).toContainEqual(expect.stringContaining('/invite @stat-bot'));
      expect(await db2.prisma.meeting.count({ where: { packetTs: { not: null } } })).toBe(0);
      expect(await db2.prisma.departmentPeriod.count({ where: { lockedAt: { not: null } } })).toBe(0);
    } finally {
      await s2.close();
      await db2.close();
    }
  });

  it('a chart that cannot be drawn does not stop the packet', async () => {
    const db3 = await createTestDatabase();
    const broken = { renderAll: async () => ({ files: [], images: [], failures: 10 }) };
    const s3 = await startLocalStack({ db: db3, now: '2026-11-03T15:00:00Z', charts: broken });
    try {
      await s3.runDue(PACKET_TIME);
      const packet = s3.sandbox.messagesIn(ROOM)[0];
      expect(JSON.stringify(packet?.blocks)).toContain(
        '10 charts could not be drawn; the table above has every number.',
      );
    } finally {
      await s3.close();
      await db3.close();
    }
  });
});
