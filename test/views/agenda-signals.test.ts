// The agenda's sections as a chair reads them: what needs attention, what is worth recognising, and
// an honest "no numbers yet" instead of "everything is on target".
import { describe, expect, it } from 'vitest';
import { analyseMetric } from '../../src/domain/metric-analysis.js';
import type { AnalysedMetric } from '../../src/services/roundtable/analyse-departments.js';
import type { Agenda, AgendaMetricItem } from '../../src/services/roundtable/build-agenda.js';
import { buildAgendaMessages } from '../../src/views/agenda-message.js';
import { buildChairBriefing, buildPacketMessages } from '../../src/views/packet-message.js';
import { expectValidMessage } from '../helpers/block-kit.js';

const rule = { polarity: 'higher_is_better', tolerance: 2, decimals: 1, min: 0, max: 100 } as const;
function metric(key: string, values: (number | null)[]): AnalysedMetric {
  const history = values.map((actual, i) => ({
    period: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    actual,
    target: 95,
    note: null,
  }));
  const analysis = analyseMetric({ rule, unit: '%', points: history, ytdAggregation: 'mean', fiscalYearStartMonth: 7 });
  return { metricId: 1, key, name: key, unit: '%', rule, history, analysis, note: null, origin: null };
}
const item = (m: AnalysedMetric): AgendaMetricItem => ({
  ...m,
  departmentId: 1,
  departmentName: 'Public Works',
  score: 0,
});
const rising = Array.from({ length: 20 }, (_, i) => 80 + 0.8 * i + (i % 2 ? 0.5 : -0.5));

function agenda(metrics: AnalysedMetric[], parts: Partial<Agenda>): Agenda {
  return {
    meeting: {
      id: 1,
      name: 'Roundtable',
      startsAt: new Date('2026-11-17T15:00:00Z'),
      channelId: 'C0STATROOM',
      chairUserId: 'U0CHAIR01',
      departmentKeys: ['DPW'],
    },
    period: '2026-08',
    periodLabel: 'August 2026',
    coverage: [],
    departments: [{ id: 1, key: 'DPW', name: 'Public Works', metrics }],
    items: [],
    recognitions: [],
    numbers: { entered: metrics.filter((m) => m.analysis.actual !== null).length, total: metrics.length },
    followUps: [],
    missing: [],
    timezone: 'America/New_York',
    ...parts,
  };
}
const text = (pages: { blocks: readonly unknown[] }[]) => JSON.stringify(pages.map((p) => p.blocks));

describe('agenda sections', () => {
  it('says no numbers are in yet instead of "everything is on target"', () => {
    const a = agenda([metric('sr_on_time', [...rising.slice(0, 19), null])], {});
    const pages = buildAgendaMessages(a, { interactive: true });
    for (const p of pages) expectValidMessage(p);
    expect(text(pages)).toContain('No August 2026 numbers are in yet (0 of 1 metrics)');
    expect(text(pages)).not.toContain('on target or within normal variation');
    expect(JSON.stringify(buildChairBriefing(a, null).blocks)).toContain('No August 2026 numbers are in yet');
  });

  it('puts a good-way trend under "Worth recognising", never called an improvement below target', () => {
    const m = metric('sr_on_time', rising);
    expect(m.analysis.signal.kind).toBe('trend');
    const a = agenda([m], { recognitions: [item(m)] });
    const pages = buildAgendaMessages(a, { interactive: false });
    for (const p of pages) expectValidMessage(p);
    const body = text(pages);
    expect(body).toContain('*Needs attention* (0)');
    expect(body).toContain('*Worth recognising* (1)');
    expect(body).toContain('Rising about 0.8');
    expect(body).not.toMatch(/improvement/);
    const packet = buildPacketMessages(a, 0);
    for (const p of packet) expectValidMessage(p);
    expect(text(packet)).toContain(':seedling:');
  });

  it('lists attention items with their fiscal year to date', () => {
    const m = metric('sr_on_time', [...Array.from({ length: 19 }, (_, i) => (i % 2 ? 96 : 97)), 90]);
    const pages = buildAgendaMessages(agenda([m], { items: [item(m)] }), { interactive: true });
    for (const p of pages) expectValidMessage(p);
    expect(text(pages)).toContain('FY2027 to date (since Jul 2026, 2 months, average): 93.5% against 95.0%');
    expect(text(pages)).toContain('a deterioration');
  });

  it('says which values were pulled, which were changed after pulling, and counts the typed ones', () => {
    const values = [...Array.from({ length: 19 }, (_, i) => (i % 2 ? 96 : 97)), 90];
    const pulled = {
      ...metric('potholes', values),
      name: 'Potholes',
      origin: { kind: 'pulled', source: 'the 311 database' },
    } as const;
    const changed = {
      ...metric('repairs', values),
      name: 'Repairs',
      origin: { kind: 'overridden', source: 'the permits system', pulledValue: 93 },
    } as const;
    const typed = { ...metric('liens', values), name: 'Liens', origin: { kind: 'typed' } } as const;
    const a = agenda([pulled, changed, typed], { items: [item(pulled), item(changed)] });
    const packet = text(buildPacketMessages(a, 0));
    expect(packet).toContain(
      '3 metrics, 3 off target, 3 signals, 1 pulled from city systems, 1 changed after pulling, 1 typed',
    );
    expect(packet).toMatch(/Potholes\*: 90\.0%[^\n]*_pulled from the 311 database_/);
    expect(packet).toMatch(
      /Repairs\*: 90\.0%[^\n]*_changed by the department from 93\.0% pulled from the permits system_/,
    );
    expect(packet).not.toMatch(/Liens\*[^\n]*pulled/);
    const agendaText = text(buildAgendaMessages(a, { interactive: false }));
    expect(agendaText).toContain('_pulled from the 311 database_');
    expect(agendaText).toContain('_changed by the department from 93.0% pulled from the permits system_');
  });

  it('flags an item with no plan yet (goals, issue 17), and only that one', () => {
    const m = metric('sr_on_time', [...Array.from({ length: 18 }, (_, i) => (i % 2 ? 96 : 97)), 90, 89]);
    const flagged = buildAgendaMessages(agenda([m], { items: [{ ...item(m), noPlanYet: true }] }), {
      interactive: true,
    });
    for (const p of flagged) expectValidMessage(p);
    expect(text(flagged)).toContain('*No plan yet*');
    expect(text(buildAgendaMessages(agenda([m], { items: [item(m)] }), { interactive: true }))).not.toContain(
      'No plan yet',
    );
  });
});
