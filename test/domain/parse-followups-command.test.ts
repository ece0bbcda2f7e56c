import { describe, expect, it } from 'vitest';
import { parseFollowUpsCommand } from '../../src/domain/followups/parse-followups-command.js';

const today = '2026-11-10';

describe('parseFollowUpsCommand', () => {
  it('reads list filters', () => {
    expect(parseFollowUpsCommand('', today)).toEqual({ kind: 'list', filter: { kind: 'mine' } });
    expect(parseFollowUpsCommand('OVERDUE', today)).toEqual({ kind: 'list', filter: { kind: 'overdue' } });
    expect(parseFollowUpsCommand('all', today)).toEqual({ kind: 'list', filter: { kind: 'all' } });
    expect(parseFollowUpsCommand('Public Works', today)).toEqual({
      kind: 'list',
      filter: { kind: 'department', key: 'Public Works' },
    });
  });

  it('reads the chairs’ verbs into typed changes', () => {
    expect(parseFollowUpsCommand('cancel #12 no longer needed', today)).toEqual({
      kind: 'change',
      followUpId: 12,
      change: { kind: 'cancel', reason: 'no longer needed' },
    });
    expect(parseFollowUpsCommand('reassign 7 <@U0ABC|priya> she owns it now', today)).toEqual({
      kind: 'change',
      followUpId: 7,
      change: { kind: 'reassign', ownerUserId: 'U0ABC', reason: 'she owns it now' },
    });
    expect(parseFollowUpsCommand('due 7 2026-12-18 waiting on vendor', today)).toEqual({
      kind: 'change',
      followUpId: 7,
      change: { kind: 'change_due', dueDate: '2026-12-18', reason: 'waiting on vendor' },
    });
  });

  it('names the problem instead of guessing', () => {
    const problem = (text: string) => {
      const c = parseFollowUpsCommand(text, today);
      return c.kind === 'invalid' ? c.problem : c.kind;
    };
    expect(problem('cancel 12')).toBe('missing_reason');
    expect(problem('reassign 12 someone')).toBe('missing_owner');
    expect(problem('due 12 next-ish')).toBe('bad_due_date');
    expect(problem('due 12 2026-11-09')).toBe('bad_due_date'); // in the past
    expect(problem('cancel abc because')).toBe('unknown_id');
    expect(problem('cancel 99999999999 because')).toBe('unknown_id');
  });
});
