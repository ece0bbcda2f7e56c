// The demo's packet, judged as a performance analyst would: the sample history with the demo's
// October numbers shows a shift re-baselined, a trend described as a trend and a seasonal
// comparison; no value below its target is called an improvement, and no limits are taken across a
// detected change point (in the analysis or on the charts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local-stack/local-stack.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { buildVarianceChartInput } from '../../src/infra/charts/variance-chart-input.js';
import { type Agenda, buildAgenda } from '../../src/services/roundtable/build-agenda.js';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { formValues, type Typed } from '../helpers/forms.js';

const ROOM = 'C0STATROOM';
const PACKET_TIME = '2026-11-13T15:00:00Z'; // as in the demo (scene 8)
// The demo's October numbers (scripts/demo/scenes.ts).
const OCTOBER: Record<string, [string, Record<string, Typed>]> = {
  DPW: [
    'U0DPWLIA1',
    {
      sr_on_time: { value: '91.2', note: 'Two bucket trucks out of service most of the month.' },
      potholes_48h: { value: '92.5' },
      streetlights_7d: { value: '21' },
      missed_pickups: { value: '6.8' },
    },
  ],
  WATER: [
    'U0WATLIA1',
    {
      sr_on_time: { value: '93.1' },
      main_breaks: { value: '4.6', note: 'Cold snap: 14 breaks on the east side in one week.' },
      days_to_repair: { value: '3.4' },
      chlorine_residual: { value: '1.05' },
    },
  ],
};

let db: TestDatabase;
let s: LocalStack;
let agenda: Agenda;
let packetText: string;
beforeAll(async () => {
  db = await createTestDatabase();
  s = await startLocalStack({ db, now: '2026-11-05T15:00:00Z' });
  for (const [dept, [user, typed]] of Object.entries(OCTOBER)) {
    await s.driver.slashCommand({ command: '/stat', text: `submit ${dept}`, userId: user });
    const view = s.sandbox.openViews(user).find((v) => v.callback_id === SUBMISSION_CALLBACK_ID)!;
    await s.driver.viewSubmission({ userId: user, view, values: await formValues(db.prisma, dept, typed) });
  }
  await s.runDue(PACKET_TIME);
  const meeting = await db.prisma.meeting.findFirst({ where: { packetTs: { not: null } } });
  agenda = (await buildAgenda(db.prisma, meeting!.id, new Date(PACKET_TIME)))!;
  packetText = s.sandbox
    .messagesIn(ROOM)
    .map((m) => JSON.stringify(m.blocks))
    .join('\n');
});
afterAll(async () => {
  await s?.close();
  await db?.close();
});

const metric = (dept: string, key: string) => {
  const m = agenda.departments.find((d) => d.key === dept)?.metrics.find((x) => x.key === key);
  if (!m) throw new Error(`no ${dept}/${key} in the agenda`);
  return m;
};

describe('the demo packet', () => {
  it('has every October number in', () => {
    expect(agenda.numbers).toEqual({ entered: 8, total: 8 });
  });

  it('calls nothing an improvement that is on the wrong side of its target', () => {
    for (const m of agenda.departments.flatMap((d) => d.metrics)) {
      if (m.analysis.status !== 'on_target' && m.analysis.status !== 'no_target')
        expect(m.analysis.signal.text, m.name).not.toMatch(/improvement/i);
    }
    // And in what was posted: every line that says "improvement" is on target.
    for (const line of packetText.split('\\n').filter((l) => /improvement/i.test(l))) expect(line).toMatch(/On target/);
    expect(packetText).toContain('Service requests closed on time');
  });

  it('re-baselines Public Works at its shift and judges October against the new process', () => {
    const m = metric('DPW', 'sr_on_time');
    const segs = m.analysis.process.segments;
    expect(segs).toHaveLength(2);
    expect(m.analysis.periods[segs[1]!.start]).toBe('2026-02');
    // The current limits come from the values since the shift only (October itself is judged).
    const since = m.history.slice(segs[1]!.start, -1).map((h) => h.actual!);
    expect(segs[1]!.limits?.centre).toBeCloseTo(since.reduce((a, b) => a + b, 0) / since.length, 10);
    expect(m.analysis.signal).toMatchObject({ kind: 'outside_limits', direction: 'unfavourable' });
    expect(m.analysis.signal.text).toContain('since it shifted up');
    expect(m.analysis.signal.text).toMatch(/a deterioration$/);
  });

  it('describes Watershed on-time as a trend, and main breaks against earlier Octobers', () => {
    expect(metric('WATER', 'sr_on_time').analysis.signal).toMatchObject({ kind: 'trend', direction: 'favourable' });
    expect(metric('WATER', 'sr_on_time').analysis.signal.text).toMatch(/^Rising about [\d.]+ points a month for/);
    const breaks = metric('WATER', 'main_breaks').analysis.signal;
    expect(breaks).toMatchObject({ kind: 'seasonal_outside', direction: 'unfavourable' });
    expect(breaks.text).toContain('Oct 2025');
    expect(packetText).toContain('seasonal: compared with the same month in earlier years');
  });

  it('takes no limits across a detected change point, in the analysis or on a chart', () => {
    for (const m of agenda.departments.flatMap((d) => d.metrics)) {
      const segs = m.analysis.process.segments;
      // Segments tile the history without overlapping: each set of limits belongs to one of them.
      expect(segs.map((seg) => seg.start)).toEqual([0, ...segs.slice(0, -1).map((seg) => seg.end)]);
      const chart = buildVarianceChartInput(m, m.analysis, m.history);
      for (const seg of chart.segments ?? [])
        for (const cp of chart.changePoints ?? []) expect(cp <= seg.from || cp > seg.to, m.name).toBe(true);
    }
    expect(
      buildVarianceChartInput(
        metric('DPW', 'sr_on_time'),
        metric('DPW', 'sr_on_time').analysis,
        metric('DPW', 'sr_on_time').history,
      ).changePoints,
    ).toHaveLength(1);
  });

  it('ranks the wrong-way signals for attention and recognises the good trend apart', () => {
    expect(agenda.items.map((i) => `${i.departmentName} — ${i.name}`)).toEqual([
      'Watershed Management — Main breaks per 100 miles',
      'Public Works — Service requests closed on time',
    ]);
    expect(agenda.recognitions.map((i) => i.name)).toEqual(['Water service requests on time']);
  });
});
