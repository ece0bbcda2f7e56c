// The citywide brief's wording and its splitting: a long brief goes out in several messages, each
// within Slack's limits, and no line is dropped.
import { describe, expect, it } from 'vitest';
import { buildBriefMessages, type CitywideBrief } from '../../src/views/brief-message.js';
import { LIMITS } from '../../src/views/limits.js';
import { expectValidMessage } from '../helpers/block-kit.js';

const brief = (departments: number): CitywideBrief => ({
  programName: 'Riverton Stat',
  month: '2026-10',
  monthLabel: 'October 2026',
  attention: [],
  recognitions: [],
  goalsAtRisk: [],
  overdue: Array.from({ length: departments }, (_, i) => ({
    departmentName: `Department number ${i} with a fairly long name`,
    count: i + 1,
    oldestDueDate: '2026-10-16',
  })),
  notSubmitted: Array.from({ length: departments }, (_, i) => ({
    departmentId: i,
    key: `D${i}`,
    name: `Department number ${i} with a fairly long name`,
    state: 'late' as const,
    filled: 0,
    total: 4,
    dueDate: '2026-11-06',
    businessDaysLate: 3,
    submittedAt: null,
  })),
  health: undefined,
  healthSeries: [],
  numbers: { entered: 0, total: 40 },
});

describe('citywide brief message', () => {
  it('says plainly when no numbers are in, and that health has nothing to measure', () => {
    const [page, ...rest] = buildBriefMessages(brief(1));
    expect(rest).toHaveLength(0);
    expectValidMessage(page!);
    const body = JSON.stringify(page);
    expect(body).toContain('No October 2026 numbers are in yet, so there is nothing to rank.');
    expect(body).toContain(
      'Department number 0 with a fairly long name: 1 follow-up overdue, the oldest due Fri 16 Oct',
    );
    expect(body).toContain('Program health: nothing to measure yet.');
  });

  it('splits a long brief over several messages within the limits, never cutting a line', () => {
    const pages = buildBriefMessages(brief(400));
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      expectValidMessage(p);
      expect(JSON.stringify(p.blocks).length).toBeLessThanOrEqual(LIMITS.messageChars);
    }
    const all = JSON.stringify(pages);
    for (let i = 0; i < 400; i++) expect(all).toContain(`Department number ${i} with a fairly long name: late 3`);
    expect(all).not.toContain('…');
  });
});
