import { describe, expect, it } from 'vitest';
import { parseMeetingCommand } from '../../src/domain/meetings/parse-meeting-command.js';

describe('parseMeetingCommand', () => {
  it('lists with no words', () => {
    expect(parseMeetingCommand('  ')).toEqual({ kind: 'list' });
  });
  it('reads move, cancel and add', () => {
    expect(parseMeetingCommand('move 12 2026-12-16 10:00')).toEqual({
      kind: 'move',
      meetingId: 12,
      date: '2026-12-16',
      time: '10:00',
    });
    expect(parseMeetingCommand('CANCEL #12')).toEqual({ kind: 'cancel', meetingId: 12 });
    expect(parseMeetingCommand('add roundtable 2026-12-03 14:00 DPW,WATER')).toEqual({
      kind: 'add',
      seriesKey: 'roundtable',
      date: '2026-12-03',
      time: '14:00',
      departmentKeys: ['DPW', 'WATER'],
    });
  });
  it('names the problem', () => {
    const problem = (text: string) => {
      const c = parseMeetingCommand(text);
      return c.kind === 'invalid' ? c.problem : c.kind;
    };
    expect(problem('move 12')).toBe('missing_date_time');
    expect(problem('move 12 16/12/2026 10am')).toBe('missing_date_time');
    expect(problem('move twelve 2026-12-16 10:00')).toBe('unknown_id');
    expect(problem('cancel')).toBe('unknown_id');
    expect(problem('add roundtable 2026-12-03 14:00')).toBe('missing_departments');
    expect(problem('reschedule 12')).toBe('unknown_verb');
  });
});
