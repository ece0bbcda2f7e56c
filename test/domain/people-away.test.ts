import { describe, expect, it } from 'vitest';
import { checkAwayRequest, routeRecipient } from '../../src/domain/people/away.js';
import { outOfOfficeUntil } from '../../src/domain/people/slack-status.js';

const ANA = { userId: 'UANA', startDate: '2026-11-02', endDate: '2026-11-13', delegate: 'UDEE' };

describe('who gets a DM meant for someone away', () => {
  it('the person when present; their delegate while away; nobody when the others cover it', () => {
    const base = { recipient: 'UANA', others: ['UBOB'], absences: [ANA] };
    expect(routeRecipient({ ...base, day: '2026-11-01' })).toEqual({ kind: 'send', to: 'UANA', onBehalfOf: null });
    expect(routeRecipient({ ...base, day: '2026-11-13' })).toEqual({ kind: 'send', to: 'UDEE', onBehalfOf: 'UANA' });
    expect(routeRecipient({ ...base, others: ['UDEE'], day: '2026-11-05' })).toMatchObject({ kind: 'skip' });
    const noDelegate = [{ ...ANA, delegate: null }];
    expect(routeRecipient({ ...base, absences: noDelegate, day: '2026-11-05' })).toMatchObject({
      kind: 'skip',
      reason: 'away; the others are reminded',
    });
    expect(routeRecipient({ ...base, others: [], absences: noDelegate, day: '2026-11-05' })).toMatchObject({
      kind: 'skip',
    });
  });

  it('checks an away request: dates, the past, the delegate', () => {
    const req = { userId: 'UANA', startDate: '2026-11-02', endDate: '2026-11-13', today: '2026-11-01', absences: [] };
    expect(checkAwayRequest({ ...req, delegate: 'UDEE', known: ['UDEE'] })).toBeNull();
    expect(checkAwayRequest({ ...req, endDate: '2026-11-01', delegate: null, known: [] })).toBe('bad_dates');
    expect(checkAwayRequest({ ...req, today: '2026-11-20', delegate: null, known: [] })).toBe('in_the_past');
    expect(checkAwayRequest({ ...req, delegate: 'UANA', known: ['UANA'] })).toBe('self_delegate');
    expect(checkAwayRequest({ ...req, delegate: 'UX', known: ['UDEE'] })).toBe('unknown_delegate');
    const deeAway = [{ ...ANA, userId: 'UDEE', startDate: '2026-11-10', endDate: '2026-11-20', delegate: null }];
    expect(checkAwayRequest({ ...req, delegate: 'UDEE', known: ['UDEE'], absences: deeAway })).toBe('delegate_away');
  });

  it('reads an out-of-office Slack status only when it has an expiry still ahead', () => {
    const now = new Date('2026-11-05T15:00:00Z');
    const exp = Date.parse('2026-11-10T00:00:00Z') / 1000;
    expect(outOfOfficeUntil({ text: 'Out of office', emoji: '', expiration: exp }, now)).toEqual(new Date(exp * 1000));
    expect(outOfOfficeUntil({ text: 'Lunch', emoji: ':palm_tree:', expiration: exp }, now)).not.toBeNull();
    expect(outOfOfficeUntil({ text: 'In a meeting', emoji: ':calendar:', expiration: exp }, now)).toBeNull();
    expect(outOfOfficeUntil({ text: 'On vacation', emoji: '', expiration: 0 }, now)).toBeNull();
    expect(
      outOfOfficeUntil({ text: 'On vacation', emoji: '', expiration: exp }, new Date('2026-11-11T00:00:00Z')),
    ).toBeNull();
  });
});
