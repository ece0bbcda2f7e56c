// The collection DMs say only what is true when they are sent: how late, what the liaisons have
// actually received, and which packet (if any) is waiting for the numbers.
import { describe, expect, it } from 'vitest';
import { buildCollectionReminder, type ReminderContent } from '../../src/views/collection-reminder.js';
import { expectValidMessage } from '../helpers/block-kit.js';

const base: ReminderContent = {
  step: 'overdue',
  departmentId: 1,
  departmentName: 'Parks and Recreation',
  period: '2026-09',
  periodLabel: 'September 2026',
  dueDate: '2026-10-07',
  dueWhen: 'past',
  businessDaysLate: 15,
  missingMetrics: 4,
  totalMetrics: 4,
  liaisonMessages: 0,
  lastLiaisonMessageLabel: null,
  nextPacket: null,
};

describe('collection reminders', () => {
  it('every step builds a valid message', () => {
    for (const step of ['opening', 'reminder_before', 'due_day', 'overdue', 'escalation'] as const)
      expectValidMessage(buildCollectionReminder({ ...base, step }));
  });

  it('one DM lists several departments, each with its own button, and names the away colleague a part is for', () => {
    const opening = { ...base, step: 'opening' as const, dueWhen: 'future' as const };
    const message = buildCollectionReminder({
      ...opening,
      alsoFor: [{ ...opening, departmentId: 2, departmentName: 'Fire & EMS', onBehalfOf: 'Kim Nguyen' }],
    });
    expectValidMessage(message);
    expect(message.text).toContain('Parks and Recreation');
    expect(message.text).toContain('For Kim Nguyen, who is away: :wave: September 2026 has closed.');
    const buttons = JSON.stringify(message.blocks).match(/stat_open_submission/g) ?? [];
    expect(buttons).toHaveLength(2);
    expect(JSON.stringify(message.blocks)).toContain('stat_waiting_on_data');
  });

  it('an escalation with no message sent says so, with the lateness it is given', () => {
    const text = buildCollectionReminder({ ...base, step: 'escalation' }).text;
    expect(text).toBe(
      ":information_source: Parks and Recreation's September 2026 numbers are 15 business days late (due Wed 7 Oct). I have not messaged the liaisons about them yet; a word from you may help.",
    );
    expect(text).not.toContain('have been reminded');
  });

  it('an escalation after reminders counts them', () => {
    const text = buildCollectionReminder({
      ...base,
      step: 'escalation',
      businessDaysLate: 1,
      missingMetrics: 1,
      liaisonMessages: 1,
      lastLiaisonMessageLabel: 'Tue 10 Nov',
    }).text;
    expect(text).toContain('are 1 business day late (1 of 4 still to enter)');
    expect(text).toContain('I have messaged the liaisons about them once, most recently Tue 10 Nov;');
  });

  it('an overdue reminder names the packet only when one is waiting', () => {
    expect(buildCollectionReminder(base).text).toContain('(15 business days ago). Could you enter them today?');
    const withPacket = buildCollectionReminder({
      ...base,
      nextPacket: { meetingName: 'Parks Roundtable', dayLabel: 'Tue 17 Nov' },
    }).text;
    expect(withPacket).toContain(
      'The packet for Parks Roundtable (Tue 17 Nov) needs them — could you enter them today?',
    );
  });

  it('the opening says "were due" when it goes out after the due date, "today" on it', () => {
    expect(buildCollectionReminder({ ...base, step: 'opening' }).text).toContain('were due Wed 7 Oct');
    expect(buildCollectionReminder({ ...base, step: 'opening', dueWhen: 'today' }).text).toContain('are due today');
    expect(buildCollectionReminder({ ...base, step: 'opening', dueWhen: 'future' }).text).toContain(
      'are due Wed 7 Oct',
    );
  });
});
