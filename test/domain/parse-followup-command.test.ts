import { describe, expect, it } from 'vitest';
import { parseFollowUpCommand, readCertainDate } from '../../src/domain/followups/parse-followup-command.js';

const TODAY = '2026-11-23'; // a Monday

describe('parseFollowUpCommand', () => {
  it('reads owner, text and a plain date', () => {
    expect(
      parseFollowUpCommand('<@U0DPWHEAD|marcus> bring a plan for the bucket-truck backlog by 15 Dec', TODAY),
    ).toEqual({
      ownerUserId: 'U0DPWHEAD',
      text: 'bring a plan for the bucket-truck backlog',
      dueDate: '2026-12-15',
      dateText: '15 Dec',
    });
  });
  it('reads relative dates against the local today', () => {
    expect(parseFollowUpCommand('<@U0X> call the vendor by tomorrow', TODAY).dueDate).toBe('2026-11-24');
    expect(parseFollowUpCommand('<@U0X> call the vendor by Friday', TODAY).dueDate).toBe('2026-11-27');
    expect(parseFollowUpCommand('<@U0X> review staffing by end of month', TODAY).dueDate).toBe('2026-11-30');
  });
  it('leaves the date empty when it is unclear, rather than guessing', () => {
    const d = parseFollowUpCommand('<@U0X> fix it by soon-ish', TODAY);
    expect(d.dueDate).toBeNull();
    expect(d.text).toBe('fix it by soon-ish');
    expect(parseFollowUpCommand('<@U0X> sort it out by the time the budget passes', TODAY).dueDate).toBeNull();
  });
  it('works without an owner or a date', () => {
    expect(parseFollowUpCommand('report back on overtime', TODAY)).toEqual({
      ownerUserId: null,
      text: 'report back on overtime',
      dueDate: null,
      dateText: null,
    });
  });
  it('takes the "by" that ends the text, not one inside it', () => {
    const d = parseFollowUpCommand('<@U0X> cut time spent by crews on paperwork by 2026-12-18', TODAY);
    expect(d.text).toBe('cut time spent by crews on paperwork');
    expect(d.dueDate).toBe('2026-12-18');
  });
  it('never reads a date from garbage', () => {
    expect(readCertainDate('', TODAY)).toBeNull();
    expect(readCertainDate('<!channel>', TODAY)).toBeNull();
  });
});
