import { describe, expect, it } from 'vitest';
import {
  buildReminderLadder,
  dropStaleSteps,
  isStepStillRelevant,
  type LadderStep,
  relevantUntil,
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
/** A follow-up opened on its due day: its opening lasts until that day ends. */
const dueDayOpening = () =>
  buildReminderLadder({ subjectKey: 'followup:7', openAt: '2026-11-06', dueDate: '2026-11-06', calendar: NY }).find(
    (s) => s.step === 'opening',
  );
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
    const opening = dueDayOpening();
    expect(opening?.expiresAt?.toISOString()).toBe('2026-11-06T22:00:00.000Z');
  });

  it('never gives up on an escalation', () => {
    expect(isStepStillRelevant(byName('escalation'), at('2027-06-01T15:00:00Z'))).toBe(true);
  });

  it('treats every step as relevant before its time', () => {
    for (const s of steps) expect(isStepStillRelevant(s, at('2026-11-01T12:00:00Z')), s.key).toBe(true);
  });
});

describe('relevantUntil, for a recipient in another zone', () => {
  const TOKYO = { ...NY, timezone: 'Asia/Tokyo' };
  const LONDON = { ...NY, timezone: 'Europe/London' };
  const iso = (d: Date | null) => d?.toISOString() ?? null;

  it("lasts a due-day step into the recipient's first working window after its send time", () => {
    // Due Fri 6 Nov 10:00 New York = Sat 00:00 Tokyo: Tokyo's next working window is Mon 9 Nov 09:00–17:00.
    const dueDay = byName('due-day');
    expect(iso(relevantUntil(dueDay, { program: NY, recipient: TOKYO }))).toBe('2026-11-09T08:00:00.000Z');
    expect(isStepStillRelevant(dueDay, at('2026-11-09T00:00:00Z'), { program: NY, recipient: TOKYO })).toBe(true);
    // That window closed too (after downtime): stale for Tokyo as well.
    expect(isStepStillRelevant(dueDay, at('2026-11-09T08:00:00Z'), { program: NY, recipient: TOKYO })).toBe(false);
    expect(
      isStepStillRelevant(byName('overdue-1'), at('2026-11-11T00:30:00Z'), { program: NY, recipient: TOKYO }),
    ).toBe(true);
  });

  it("keeps the program's end of day when the recipient's window closes earlier", () => {
    // 10:00 New York is 15:00 in London, inside London's hours, which end at 12:00 New York.
    expect(iso(relevantUntil(byName('due-day'), { program: NY, recipient: LONDON }))).toBe('2026-11-06T22:00:00.000Z');
    expect(isStepStillRelevant(byName('due-day'), at('2026-11-07T09:30:00Z'), { program: NY, recipient: LONDON })).toBe(
      false,
    );
  });

  it('never stretches a step that gives way on the due day, nor an escalation', () => {
    const zones = { program: NY, recipient: TOKYO };
    expect(iso(relevantUntil(byName('reminder-before'), zones))).toBe('2026-11-06T14:00:00.000Z');
    expect(iso(relevantUntil(byName('opening'), zones))).toBe('2026-11-06T14:00:00.000Z');
    expect(relevantUntil(byName('escalation'), zones)).toBeNull();
  });

  it('stretches an opening on the due day like the due-day step', () => {
    const opening = dueDayOpening();
    if (!opening) throw new Error('no opening');
    expect(iso(relevantUntil(opening, { program: NY, recipient: TOKYO }))).toBe('2026-11-09T08:00:00.000Z');
  });

  it("is the program's expiry for a recipient in the program's zone", () => {
    for (const s of steps) expect(relevantUntil(s, { program: NY, recipient: { ...NY } })).toEqual(s.expiresAt);
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
