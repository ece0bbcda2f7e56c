// Who may do what: one table, asked through one function (`isAllowed` in src/services/authorize.ts),
// once per request: by the service that makes a change, or by the handler that opens a form or a
// listing. A test walks every cell, so a change here is a deliberate, reviewed change.

export type Action =
  | 'submit_numbers' // for a department
  | 'view_status'
  | 'unlock_period'
  | 'view_agenda'
  | 'post_agenda'
  | 'record_decision'
  | 'update_followup' // report back on a follow-up
  | 'manage_followup' // approve new dates, reassign, cancel
  | 'manage_meetings'
  | 'export'
  | 'publish_results' // republish the open data and public site
  | 'view_citywide'; // goals, the program's health and the citywide brief (issue 17)

export interface Actor {
  isAdmin: boolean;
  isChair: boolean;
  liaisonOf: readonly number[];
  headOf: readonly number[];
}

/** The thing acted on, when the rule depends on it. */
export interface Resource {
  departmentId?: number;
  followUpOwner?: string;
  actorUserId?: string;
}

type Rule = (actor: Actor, r: Resource) => boolean;

const staff: Rule = (a) => a.isAdmin || a.isChair;
const anyMember: Rule = (a) => a.isAdmin || a.isChair || a.liaisonOf.length > 0 || a.headOf.length > 0;

export const PERMISSIONS: Record<Action, Rule> = {
  submit_numbers: (a, r) => a.isAdmin || (r.departmentId !== undefined && a.liaisonOf.includes(r.departmentId)),
  view_status: anyMember,
  unlock_period: staff,
  view_agenda: anyMember,
  post_agenda: staff,
  record_decision: staff,
  update_followup: (a, r) => staff(a, r) || (r.followUpOwner !== undefined && r.followUpOwner === r.actorUserId),
  manage_followup: staff,
  manage_meetings: staff,
  export: staff,
  publish_results: (a) => a.isAdmin,
  view_citywide: staff,
};

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  return PERMISSIONS[action](actor, resource);
}

export const NOBODY: Actor = { isAdmin: false, isChair: false, liaisonOf: [], headOf: [] };
