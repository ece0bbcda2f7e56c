import { describe, expect, it } from 'vitest';
import {
  buildReminderLadder,
  dropStaleSteps,
  isStepStillRelevant,
  type LadderStep,
} from '../../../src/domain/calendar/index.js';
import type { ProgramCalendar } from '../../../src/domain/types.js';

const NY: ProgramCalendar = { timezone: 'America/New_York', workdayStart: '09:00', workdayEnd: '17:00', holidays: [] };
// opening Mon 2 Nov, reminder-before Wed 4, due Fri 6, overdue-1 Tue 10, escalation Wed 11, overdue-2 Thu 12, …
const steps = buildReminderLadder({
  subjectKey: 'collect:DPW:2026-10',
  openAt: '2026-11-02',
  dueDate: '2026-11-06',
  calendar: NY,
});
const byName = (name: string): LadderStep => {
  const step = steps.find((s) => s.key.endsWith(`:${name}`));
  if (!step) throw new Error(`no step ${name}`);
  return step;
};
const at = (iso: string) => new Date(iso);
const names = (list: LadderStep[]) => list.map((s) => s.key.replace('collect:DPW:2026-10:', ''));

describe('expiresAt', () => {
  it('encodes the rule per step', () => {
    expect(byName('opening').expiresAt?.toISOString()).toBe('2026-11-06T14:00:00.000Z'); // due day, 09:00
    expect(byName('reminder-before').expiresAt?.toISOString()).toBe('2026-11-06T14:00:00.000Z');
    expect(byName('due-day').expiresAt?.toISOString()).toBe('2026-11-06T22:00:00.000Z'); // due day, 17:00
    expect(byName('overdue-1').expiresAt?.toISOString()).toBe('2026-11-10T22:00:00.000Z');
    expect(byName('escalation').expiresAt).toBeNull();
  });
});

describe('isStepStillRelevant', () => {
  it('keeps an overdue reminder for the rest of its own working day only', () => {
    expect(isStepStillRelevant(byName('overdue-1'), at('2026-11-10T21:59:00Z'))).toBe(true); // 16:59
    expect(isStepStillRelevant(byName('overdue-1'), at('2026-11-10T22:00:00Z'))).toBe(false);
    expect(isStepStillRelevant(byName('overdue-1'), at('2026-11-11T14:30:00Z'))).toBe(false);
  });

  it('never sends "due in 2 days" on or after the due day', () => {
    expect(isStepStillRelevant(byName('reminder-before'), at('2026-11-05T20:00:00Z'))).toBe(true);
    expect(isStepStillRelevant(byName('reminder-before'), at('2026-11-06T14:00:00Z'))).toBe(false);
  });

  it('keeps the opening notice until the due day begins', () => {
    expect(isStepStillRelevant(byName('opening'), at('2026-11-05T21:00:00Z'))).toBe(true);
    expect(isStepStillRelevant(byName('opening'), at('2026-11-06T13:59:00Z'))).toBe(true);
    expect(isStepStillRelevant(byName('opening'), at('2026-11-06T14:00:00Z'))).toBe(false);
  });

  it('keeps an opening on the due day until that day ends', () => {
    const late = buildReminderLadder({
      subjectKey: 'followup:7',
      openAt: '2026-11-06',
      dueDate: '2026-11-06',
      calendar: NY,
    });
    const opening = late.find((s) => s.step === 'opening');
    expect(opening?.expiresAt?.toISOString()).toBe('2026-11-06T22:00:00.000Z');
  });

  it('never gives up on an escalation', () => {
    expect(isStepStillRelevant(byName('escalation'), at('2027-06-01T15:00:00Z'))).toBe(true);
  });

  it('treats every step as relevant before its time', () => {
    for (const s of steps) expect(isStepStillRelevant(s, at('2026-11-01T12:00:00Z')), s.key).toBe(true);
  });
});

describe('dropStaleSteps', () => {
  it("after a week down keeps the escalation, today's overdue reminder and the future", () => {
    const unsent = steps.filter((s) => s.step !== 'opening');
    const now = at('2026-11-12T16:00:00Z'); // Thu 12 Nov 11:00, overdue-2 went due at 10:00
    expect(names(dropStaleSteps(unsent, now))).toEqual([
      'escalation',
      'overdue-2',
      'overdue-3',
      'overdue-4',
      'overdue-5',
    ]);
  });

  it('sends one catch-up before the due day: the opening, not the "due soon" reminder', () => {
    const now = at('2026-11-04T16:00:00Z'); // Wed 4 Nov 11:00, nothing sent yet
    expect(names(dropStaleSteps(steps, now))).toEqual([
      'opening',
      'due-day',
      'overdue-1',
      'escalation',
      'overdue-2',
      'overdue-3',
      'overdue-4',
      'overdue-5',
    ]);
  });

  it('keeps the "due soon" reminder once the opening has gone out', () => {
    const now = at('2026-11-04T16:00:00Z');
    expect(names(dropStaleSteps(steps.slice(1), now))[0]).toBe('reminder-before');
  });
});
