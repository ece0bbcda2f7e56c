import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  buildReminderLadder,
  isWithinWorkingHours,
  type LadderInput,
  type LadderStep,
} from '../../../src/domain/calendar/index.js';
import type { ProgramCalendar } from '../../../src/domain/types.js';

const NY: ProgramCalendar = { timezone: 'America/New_York', workdayStart: '09:00', workdayEnd: '17:00', holidays: [] };
const LONDON: ProgramCalendar = { ...NY, timezone: 'Europe/London' };

const ladder = (input: Partial<LadderInput> & Pick<LadderInput, 'dueDate'>) =>
  buildReminderLadder({ subjectKey: 'collect:DPW:2026-10', calendar: NY, ...input });
const summary = (steps: LadderStep[]) =>
  steps.map((s) => `${s.key.replace('collect:DPW:2026-10:', '')} ${s.sendAt.toISOString()}`);
const localClock = (steps: LadderStep[], zone: string) =>
  steps.map((s) => DateTime.fromJSDate(s.sendAt, { zone }).toFormat('HH:mm'));

function expectWellFormed(steps: LadderStep[], cal: ProgramCalendar) {
  expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
  expect(new Set(steps.map((s) => s.sendAt.getTime())).size).toBe(steps.length);
  expect([...steps].sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime())).toEqual(steps);
  for (const s of steps) expect(isWithinWorkingHours(s.sendAt, cal), s.key).toBe(true);
}

describe('buildReminderLadder with the default settings', () => {
  const steps = ladder({ openAt: '2026-11-02', dueDate: '2026-11-06' });

  it('lists every step at 10:00 local on its business day', () => {
    expect(summary(steps)).toEqual([
      'opening 2026-11-02T15:00:00.000Z',
      'reminder-before 2026-11-04T15:00:00.000Z',
      'due-day 2026-11-06T15:00:00.000Z',
      'overdue-1 2026-11-10T15:00:00.000Z',
      'escalation 2026-11-11T15:00:00.000Z',
      'overdue-2 2026-11-12T15:00:00.000Z',
      'overdue-3 2026-11-16T15:00:00.000Z',
      'overdue-4 2026-11-18T15:00:00.000Z',
      'overdue-5 2026-11-20T15:00:00.000Z',
    ]);
    expectWellFormed(steps, NY);
  });

  it('records how late each step is, in business days', () => {
    expect(steps.map((s) => [s.step, s.businessDaysLate])).toEqual([
      ['opening', 0],
      ['reminder_before', 0],
      ['due_day', 0],
      ['overdue', 2],
      ['escalation', 3],
      ['overdue', 4],
      ['overdue', 6],
      ['overdue', 8],
      ['overdue', 10],
    ]);
  });

  it('builds keys from the subject key', () => {
    expect(steps[0]?.key).toBe('collect:DPW:2026-10:opening');
    expect(
      buildReminderLadder({ subjectKey: 'followup:123', dueDate: '2026-11-06', calendar: NY }).map((s) => s.key),
    ).toContain('followup:123:due-day');
  });
});

describe('DST transitions', () => {
  it('New York fall back (2026-11-01): 10:00 stays 10:00, nothing dropped or doubled', () => {
    const steps = ladder({ openAt: '2026-10-29', dueDate: '2026-11-03' });
    expect(summary(steps)).toEqual([
      'opening 2026-10-29T14:00:00.000Z', // EDT
      'reminder-before 2026-10-30T14:00:00.000Z',
      'due-day 2026-11-03T15:00:00.000Z', // EST
      'overdue-1 2026-11-05T15:00:00.000Z',
      'escalation 2026-11-06T15:00:00.000Z',
      'overdue-2 2026-11-09T15:00:00.000Z',
      'overdue-3 2026-11-11T15:00:00.000Z',
      'overdue-4 2026-11-13T15:00:00.000Z',
      'overdue-5 2026-11-17T15:00:00.000Z',
    ]);
    expect(new Set(localClock(steps, NY.timezone))).toEqual(new Set(['10:00']));
    expectWellFormed(steps, NY);
  });

  it('New York spring forward (2026-03-08)', () => {
    const steps = ladder({ openAt: '2026-03-02', dueDate: '2026-03-10', settings: { maxOverdueReminders: 1 } });
    expect(summary(steps)).toEqual([
      'opening 2026-03-02T15:00:00.000Z', // EST
      'reminder-before 2026-03-06T15:00:00.000Z',
      'due-day 2026-03-10T14:00:00.000Z', // EDT
      'overdue-1 2026-03-12T14:00:00.000Z',
      'escalation 2026-03-13T14:00:00.000Z',
    ]);
    expectWellFormed(steps, NY);
  });

  it('London autumn (2026-10-25)', () => {
    const steps = ladder({
      openAt: '2026-10-21',
      dueDate: '2026-10-27',
      calendar: LONDON,
      settings: { maxOverdueReminders: 1 },
    });
    expect(summary(steps)).toEqual([
      'opening 2026-10-21T09:00:00.000Z', // BST
      'reminder-before 2026-10-23T09:00:00.000Z',
      'due-day 2026-10-27T10:00:00.000Z', // GMT
      'overdue-1 2026-10-29T10:00:00.000Z',
      'escalation 2026-10-30T10:00:00.000Z',
    ]);
    expect(new Set(localClock(steps, LONDON.timezone))).toEqual(new Set(['10:00']));
  });
});

describe('collisions and calendar edges', () => {
  it('drops the "due soon" reminder when it would land on the opening day', () => {
    const keys = ladder({ openAt: '2026-11-04', dueDate: '2026-11-06' }).map((s) => s.step);
    expect(keys.slice(0, 2)).toEqual(['opening', 'due_day']);
  });

  it('lets an opening on the due day stand for the due-day reminder', () => {
    const steps = ladder({ openAt: '2026-11-06', dueDate: '2026-11-06', settings: { maxOverdueReminders: 0 } });
    expect(summary(steps)).toEqual(['opening 2026-11-06T15:00:00.000Z', 'escalation 2026-11-11T15:00:00.000Z']);
  });

  it('rolls an opening notice on a weekend to Monday', () => {
    expect(summary(ladder({ openAt: '2026-10-31', dueDate: '2026-11-06' }))[0]).toBe(
      'opening 2026-11-02T15:00:00.000Z',
    );
  });

  it('lets escalation win over an overdue reminder on the same day, keeping later numbers', () => {
    const steps = ladder({
      dueDate: '2026-11-06',
      settings: { escalateAfterBusinessDaysLate: 4, maxOverdueReminders: 3 },
    });
    expect(summary(steps)).toEqual([
      'reminder-before 2026-11-04T15:00:00.000Z',
      'due-day 2026-11-06T15:00:00.000Z',
      'overdue-1 2026-11-10T15:00:00.000Z',
      'escalation 2026-11-12T15:00:00.000Z',
      'overdue-3 2026-11-16T15:00:00.000Z',
    ]);
  });

  it('opened late: nothing before or with the opening, escalation moves after it', () => {
    const steps = ladder({ openAt: '2026-11-12', dueDate: '2026-11-06' });
    expect(summary(steps)).toEqual([
      'opening 2026-11-12T15:00:00.000Z',
      'escalation 2026-11-13T15:00:00.000Z',
      'overdue-3 2026-11-16T15:00:00.000Z',
      'overdue-4 2026-11-18T15:00:00.000Z',
      'overdue-5 2026-11-20T15:00:00.000Z',
    ]);
    expect(steps[0]?.businessDaysLate).toBe(4);
  });

  it('treats a due date on a holiday or weekend as due the next business day', () => {
    const cal = { ...NY, holidays: ['2026-11-26', '2026-11-27'] };
    const steps = ladder({ dueDate: '2026-11-26', calendar: cal, settings: { maxOverdueReminders: 1 } });
    expect(summary(steps)).toEqual([
      'reminder-before 2026-11-24T15:00:00.000Z',
      'due-day 2026-11-30T15:00:00.000Z',
      'overdue-1 2026-12-02T15:00:00.000Z',
      'escalation 2026-12-03T15:00:00.000Z',
    ]);
    expectWellFormed(steps, cal);
  });

  it('skips a Friday holiday before a weekend between steps', () => {
    const cal = { ...NY, holidays: ['2026-07-03'] };
    const steps = ladder({
      dueDate: '2026-07-02',
      calendar: cal,
      settings: { maxOverdueReminders: 1, escalateAfterBusinessDaysLate: 0 },
    });
    expect(summary(steps)).toEqual([
      'reminder-before 2026-06-30T14:00:00.000Z',
      'due-day 2026-07-02T14:00:00.000Z',
      'overdue-1 2026-07-07T14:00:00.000Z',
    ]);
  });

  it('clamps a send time outside working hours to the start of the same day', () => {
    const steps = ladder({
      dueDate: '2026-11-06',
      settings: { sendTime: '07:30', maxOverdueReminders: 0, escalateAfterBusinessDaysLate: 0 },
    });
    expect(summary(steps)).toEqual(['reminder-before 2026-11-04T14:00:00.000Z', 'due-day 2026-11-06T14:00:00.000Z']);
  });

  it('can be switched down to the due-day reminder alone', () => {
    const steps = ladder({
      dueDate: '2026-11-06',
      settings: { reminderBusinessDaysBefore: 0, maxOverdueReminders: 0, escalateAfterBusinessDaysLate: 0 },
    });
    expect(steps.map((s) => s.step)).toEqual(['due_day']);
  });

  it('rejects nonsense settings', () => {
    expect(() => ladder({ dueDate: '2026-11-06', settings: { overdueEveryBusinessDays: 0 } })).toThrow(RangeError);
    expect(() => ladder({ dueDate: '2026-11-06', settings: { maxOverdueReminders: -1 } })).toThrow(RangeError);
  });

  it('keeps keys unique over a long ladder with frequent reminders', () => {
    const steps = ladder({
      openAt: '2026-10-01',
      dueDate: '2026-10-30',
      settings: { overdueEveryBusinessDays: 1, maxOverdueReminders: 20, reminderBusinessDaysBefore: 10 },
    });
    expect(steps).toHaveLength(1 + 1 + 1 + 19 + 1); // overdue-3 gives way to escalation
    expectWellFormed(steps, NY);
  });
});
