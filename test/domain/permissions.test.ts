import { describe, expect, it } from 'vitest';
import { type Action, type Actor, can, PERMISSIONS } from '../../src/domain/permissions.js';

const DEPT = 7;
const OTHER = 8;
const actors: Record<string, Actor> = {
  admin: { isAdmin: true, isChair: false, liaisonOf: [], headOf: [] },
  chair: { isAdmin: false, isChair: true, liaisonOf: [], headOf: [] },
  liaison: { isAdmin: false, isChair: false, liaisonOf: [DEPT], headOf: [] },
  head: { isAdmin: false, isChair: false, liaisonOf: [], headOf: [DEPT] },
  stranger: { isAdmin: false, isChair: false, liaisonOf: [], headOf: [] },
};

// The whole matrix, written out by hand: [admin, chair, liaison, head, stranger].
// Resource: department DEPT; the follow-up is owned by the liaison ('ULIAISON').
const EXPECTED: Record<Action, [boolean, boolean, boolean, boolean, boolean]> = {
  submit_numbers: [true, false, true, false, false],
  view_status: [true, true, true, true, false],
  unlock_period: [true, true, false, false, false],
  view_agenda: [true, true, true, true, false],
  post_agenda: [true, true, false, false, false],
  record_decision: [true, true, false, false, false],
  update_followup: [true, true, true, false, false],
  manage_followup: [true, true, false, false, false],
  manage_meetings: [true, true, false, false, false],
  export: [true, true, false, false, false],
  publish_results: [true, false, false, false, false],
  view_citywide: [true, true, false, false, false],
};

describe('permission table', () => {
  it('covers every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });
  for (const [action, row] of Object.entries(EXPECTED) as [Action, boolean[]][]) {
    it(`${action}: admin, chair, liaison, head, stranger`, () => {
      const got = Object.entries(actors).map(([name, actor]) =>
        can(actor, action, {
          departmentId: DEPT,
          followUpOwner: 'ULIAISON',
          actorUserId: name === 'liaison' ? 'ULIAISON' : `U${name.toUpperCase()}`,
        }),
      );
      expect(got).toEqual(row);
    });
  }
  it('a liaison cannot submit for another department', () => {
    expect(can(actors.liaison!, 'submit_numbers', { departmentId: OTHER })).toBe(false);
  });
  it('a follow-up with no known owner is updatable only by staff', () => {
    expect(can(actors.liaison!, 'update_followup', { actorUserId: 'ULIAISON' })).toBe(false);
  });
});
