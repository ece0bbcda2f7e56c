// Each health measure on a small history, worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import {
  computeProgramHealth,
  type HealthFacts,
  measureMonth,
  median,
} from '../../../src/domain/health/program-health.js';

// October 2026 numbers are due Fri 6 Nov; today is Mon 16 Nov; Mon 12 Oct is a holiday.
const calendar = { today: '2026-11-16', holidays: ['2026-10-12'] };
const facts: HealthFacts = {
  metrics: [
    // DPW: 2 of 3 metrics in by the due date.
    { departmentKey: 'DPW', month: '2026-10', dueDate: '2026-11-06', firstEnteredDay: '2026-11-05' },
    { departmentKey: 'DPW', month: '2026-10', dueDate: '2026-11-06', firstEnteredDay: '2026-11-06' },
    { departmentKey: 'DPW', month: '2026-10', dueDate: '2026-11-06', firstEnteredDay: '2026-11-10' },
    // WATER: nothing in yet, due date passed: 0 of 1.
    { departmentKey: 'WATER', month: '2026-10', dueDate: '2026-11-06', firstEnteredDay: null },
    // November is not due yet and nothing is in: not counted.
    { departmentKey: 'DPW', month: '2026-11', dueDate: '2026-12-07', firstEnteredDay: null },
  ],
  obligations: [
    // DPW completed Tue 10 Nov: Mon 9, Tue 10 → 2 business days late.
    { departmentKey: 'DPW', month: '2026-10', dueDate: '2026-11-06', completedDay: '2026-11-10' },
    // WATER still missing on Mon 16 Nov: 9, 10, 11, 12, 13, 16 → 6 business days late so far.
    { departmentKey: 'WATER', month: '2026-10', dueDate: '2026-11-06', completedDay: null },
  ],
  values: [
    { departmentKey: 'DPW', month: '2026-10', locked: true, revisedAfterPacket: true },
    { departmentKey: 'DPW', month: '2026-10', locked: true, revisedAfterPacket: false },
    { departmentKey: 'DPW', month: '2026-10', locked: true, revisedAfterPacket: false },
    { departmentKey: 'DPW', month: '2026-10', locked: false, revisedAfterPacket: false },
  ],
  followUps: [
    // Due in October: done on time; done late; open and overdue; cancelled (ignored).
    {
      departmentKey: 'DPW',
      createdDay: '2026-09-15',
      dueDate: '2026-10-09',
      status: 'done',
      closedDay: '2026-10-08',
      answeredBeforeNextMeeting: true,
    },
    {
      departmentKey: 'DPW',
      createdDay: '2026-09-15',
      dueDate: '2026-10-16',
      status: 'done',
      closedDay: '2026-10-20',
      answeredBeforeNextMeeting: false,
    },
    {
      departmentKey: 'WATER',
      createdDay: '2026-10-20',
      dueDate: '2026-10-30',
      status: 'open',
      closedDay: null,
      answeredBeforeNextMeeting: null,
    },
    {
      departmentKey: 'WATER',
      createdDay: '2026-10-20',
      dueDate: '2026-10-30',
      status: 'cancelled',
      closedDay: null,
      answeredBeforeNextMeeting: true,
    },
    // Due in December, still open: not yet counted as on time or not.
    {
      departmentKey: 'DPW',
      createdDay: '2026-10-21',
      dueDate: '2026-12-04',
      status: 'open',
      closedDay: null,
      answeredBeforeNextMeeting: true,
    },
  ],
};

describe('program health, by hand', () => {
  it('whole program, October 2026', () => {
    expect(measureMonth(facts, '2026-10', calendar)).toEqual({
      // 2 of 4 metrics in by the due date (DPW 2/3, WATER 0/1).
      submittedOnTime: { count: 2, total: 4, share: 0.5 },
      // (2 + 6) / 2 departments.
      daysLate: 4,
      // 1 of the 3 values in locked periods changed after the packet.
      revisedAfterPacket: { count: 1, total: 3, share: 1 / 3 },
      // 1 of 3 (the cancelled one is out).
      closedOnTime: { count: 1, total: 3, share: 1 / 3 },
      // Closed in October: 23 days (15 Sep → 8 Oct) and 35 days (15 Sep → 20 Oct): median 29.
      medianDaysToClose: 29,
      // Recorded in October with an answer known: only the December one (answered) → 1 of 1.
      answeredBeforeNextMeeting: { count: 1, total: 1, share: 1 },
    });
  });

  it('per department, and nothing counted for a month not yet due', () => {
    const rows = computeProgramHealth(facts, ['2026-10', '2026-11'], ['DPW', 'WATER'], calendar);
    expect(rows.map((r) => [r.month, r.departmentKey])).toEqual([
      ['2026-10', null],
      ['2026-11', null],
      ['2026-10', 'DPW'],
      ['2026-11', 'DPW'],
      ['2026-10', 'WATER'],
      ['2026-11', 'WATER'],
    ]);
    const dpw = rows[2]!.measures;
    expect(dpw.submittedOnTime).toEqual({ count: 2, total: 3, share: 2 / 3 });
    expect(dpw.daysLate).toBe(2);
    expect(dpw.closedOnTime).toEqual({ count: 1, total: 2, share: 0.5 });
    expect(rows[4]!.measures.daysLate).toBe(6);
    expect(rows[4]!.measures.revisedAfterPacket).toBeNull();
    expect(rows[1]!.measures).toEqual({
      submittedOnTime: null,
      daysLate: null,
      revisedAfterPacket: null,
      closedOnTime: null,
      medianDaysToClose: null,
      answeredBeforeNextMeeting: null,
    });
  });

  it('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
