// Every sentence the bot says when it refuses or something goes wrong, in one place.
// Departments are partners: say what happened and what to do next, never blame.

import { formatDay } from '../domain/calendar/index.js';
import type { Action } from '../domain/permissions.js';
import { escapeMrkdwn, possessive } from './mrkdwn.js';

/** Why a change to the meeting calendar was refused (src/services/meetings/manage-meetings.ts). */
export type MeetingChangeProblem =
  | { kind: 'no_such_meeting'; id: number }
  | { kind: 'already_cancelled'; id: number }
  | { kind: 'already_started'; id: number }
  | { kind: 'time_in_past' }
  | { kind: 'no_such_series'; seriesKey: string }
  | { kind: 'department_count' }
  | { kind: 'unknown_departments'; keys: string[] };

/** What a chair's change to a follow-up did (the service reports it; this words it). */
export type FollowUpChangeResult =
  | { kind: 'approved'; dueDate: string }
  | { kind: 'declined'; dueDate: string }
  | { kind: 'reassigned'; ownerUserId: string }
  | { kind: 'due_changed'; dueDate: string }
  | { kind: 'cancelled' };

export const MESSAGES = {
  notLiaison: (dept: string) =>
    `Only ${possessive(dept)} liaisons (and program admins) can enter its numbers. If you should be one, ask the performance office to add you.`,
  notLiaisonAnywhere:
    "You're not listed as a liaison for any department, so there is no form to open. If you should be, ask the performance office to add you.",
  chooseDepartment: (keys: string[]) =>
    `You report for several departments — say which one: ${keys.map((k) => `\`/stat submit ${k}\``).join(', ')}.`,
  unknownDepartment: (key: string) =>
    `I don't know a department called "${key.slice(0, 60)}". Try \`/stat help\` for the list.`,
  periodLocked: (label: string) =>
    `${label} is locked: its roundtable packet has been posted. A chair or admin can unlock it with \`/stat unlock\` if a correction is needed.`,
  staleFormLocked: (label: string) =>
    `${label} was locked while this form was open, so nothing was saved. Ask a chair or admin to unlock it if you need to make a correction.`,
  periodNotClosed: (label: string) =>
    `${label} has not ended yet, so there is nothing to report for it. Numbers open on the first business day after it closes.`,
  staleButton: 'That button is out of date. Use `/stat status` instead.',
  noMetricsDue: (dept: string, label: string) => `${dept} has no metrics due for ${label}.`,
  noProgram: 'No stat program is loaded yet. An admin can load one with `npm run stat -- program import <file>`.',
  somethingWentWrong:
    'Sorry — something went wrong on our side and nothing was saved. Please try again in a minute; if it keeps happening, tell the performance office.',
  databaseUnavailable:
    "Sorry — stat-bot can't reach its database right now, so nothing was saved. Please try again in a few minutes.",
  formExpired: 'That form took too long to open (Slack allows 3 seconds). Please click the button again.',
  slackBusy:
    "Slack asked stat-bot to slow down for a moment, so that didn't go through. Please try again in a few seconds.",
  notAllowed: (what: string) => `Sorry, only chairs and admins can ${what}.`,
  duplicateSubmission: 'Already saved — this submission arrived twice, so it was stored once.',
  // `/stat followups` and `/stat meeting` verbs (the parsers in src/domain name the problem).
  followUpsProblem: (problem: 'unknown_id' | 'missing_owner' | 'bad_due_date' | 'missing_reason', idText: string) =>
    ({
      unknown_id: `There is no follow-up #${idText}.`,
      missing_owner: 'Say who takes it over: `/stat followups reassign 12 @owner reason`',
      bad_due_date: 'Give the new date as YYYY-MM-DD, today or later: `/stat followups due 12 2026-12-18 reason`',
      missing_reason: 'Give a reason for cancelling: `/stat followups cancel 12 no longer needed`',
    })[problem],
  followUpNotFound: (id: number) => `There is no follow-up #${id}.`,
  followUpChanged: (id: number, what: string) => `Follow-up #${id}: ${what}`,
  followUpGone: 'That follow-up no longer exists (it may have been removed). Nothing was changed.',
  followUpClosed: (status: string) => `This follow-up is already ${status} — nothing more to do.`,
  meetingUsage:
    'Try `/stat meeting`, `/stat meeting move 12 2026-12-16 10:00`, `/stat meeting cancel 12` or `/stat meeting add roundtable 2026-12-03 14:00 DPW,WATER`.',
  meetingProblem: (
    problem: 'unknown_verb' | 'unknown_id' | 'missing_date_time' | 'missing_departments',
    text: string,
  ) =>
    ({
      unknown_verb: `I don't know "${text}" for meetings.`,
      unknown_id: `There is no meeting #${text || '?'} — \`/stat meeting\` lists them with their numbers.`,
      missing_date_time: 'Give a date and a time as YYYY-MM-DD HH:MM.',
      missing_departments: 'Say which departments meet, e.g. `DPW,WATER`.',
    })[problem],
  unlocked: (dept: string, label: string) =>
    `${dept} — ${label} is unlocked. Corrections will be noted in the packet's thread.`,
  wasNotLocked: (dept: string, label: string) => `${dept} — ${label} was not locked.`,
  followUpRecorded: (ownerUserId: string, dueDate: string, dateText?: string) =>
    `:white_check_mark: Follow-up recorded for <@${ownerUserId}>, due ${formatDay(dueDate)}${dateText ? ` ("by ${escapeMrkdwn(dateText)}")` : ''}. They have been told.`,
  unreadableDate: 'I could not read that date for certain — please pick it below.',
  meetingMoved: (id: number, packetPosted: boolean) =>
    `Meeting #${id} moved. ${packetPosted ? 'Its packet was already posted and stays as it is.' : 'Its packet moves with it.'}`,
  meetingCancelled: (id: number) => `Meeting #${id} is cancelled; its packet and meeting record will not be posted.`,
  meetingAdded: (id: number) => `Meeting #${id} added; its packet is scheduled.`,
  meetingChangeRefused: (p: MeetingChangeProblem) => {
    switch (p.kind) {
      case 'no_such_meeting':
        return `There is no meeting #${p.id > 0 ? p.id : '?'} — \`/stat meeting\` lists them with their numbers.`;
      case 'already_cancelled':
        return `Meeting #${p.id} is already cancelled.`;
      case 'already_started':
        return `Meeting #${p.id} has already started.`;
      case 'time_in_past':
        return 'That time is in the past.';
      case 'no_such_series':
        return `There is no meeting series "${p.seriesKey.slice(0, 40)}" (see \`meetings:\` in the program file).`;
      case 'department_count':
        return 'A roundtable takes one to three departments, e.g. `DPW,WATER`.';
      case 'unknown_departments':
        return `Unknown department(s): ${p.keys.join(', ')}.`;
    }
  },
  /** Titles of the small notice modal that replaces a form (24 characters at most). */
  titles: {
    notSaved: 'Not saved',
    formOutOfDate: 'Form out of date',
    alreadyClosed: 'Already closed',
    thanks: 'Thank you',
    notAllowed: 'Not allowed',
    failed: 'Something went wrong',
  },
  moreTimeAnswered: (followUpText: string, outcome: string) =>
    `Your request for more time on "${followUpText.slice(0, 200).replace(/[<>&]/g, '')}" — ${outcome}`,
  exportFiles: { values: 'Metric values', followUps: 'Follow-ups', health: 'Program health' },
  unlockUsage: 'Say which department and period: `/stat unlock DPW 2026-10`',
  statusPeriodHint: 'Try `/stat status 2026-10`.',
  briefPeriodHint: 'The brief covers a month: try `/stat brief 2026-10`.',
  noMeetingFound: (asked: string) =>
    `I can't find ${asked ? `a meeting for "${asked.slice(0, 40)}"` : 'an upcoming meeting'}. Meetings come from the program file (\`meetings:\`).`,
  meetingGone: 'That meeting no longer exists.',
  agendaPosted: (channelId: string) => `Posted to <#${channelId}>.`,
  exportReady: 'The export is in your DM with stat-bot.',
  exportComment:
    'Here is the export: every metric value with its target and status, and every follow-up with its history.',
  dmNotDelivered: (userId: string) =>
    `I could not send <@${userId}> a direct message, so they have not been told. Please let them know yourself.`,
  followUpChangeResult: (r: FollowUpChangeResult) =>
    r.kind === 'approved'
      ? `Approved: now due ${formatDay(r.dueDate)}.`
      : r.kind === 'declined'
        ? `Declined: the due date stays ${formatDay(r.dueDate)}.`
        : r.kind === 'reassigned'
          ? `Reassigned to <@${r.ownerUserId}>.`
          : r.kind === 'due_changed'
            ? `Now due ${formatDay(r.dueDate)}.`
            : 'Cancelled.',
  followUpAlreadyDecided: (status: string | null) =>
    status ? `This follow-up is already ${status}.` : 'That request has already been answered.',
  ownerProblem: (problem: 'bot' | 'deactivated' | 'unknown') =>
    ({
      bot: 'Pick a person, not a bot, as the owner',
      deactivated: 'That person has been deactivated in Slack — pick someone else',
      unknown: 'I could not find that person in Slack',
    })[problem],
  /** The refusal for each action of the permission table (src/domain/permissions.ts). */
  notAllowedTo: (action: Action) => `Sorry, only chairs and admins can ${WHAT_IS_REFUSED[action]}.`,
} as const;

const WHAT_IS_REFUSED: Record<Action, string> = {
  submit_numbers: "enter this department's numbers",
  view_status: 'see the submission status',
  unlock_period: 'unlock a period',
  view_agenda: 'see the agenda',
  post_agenda: 'post the agenda',
  record_decision: 'record decisions as follow-ups',
  update_followup: 'update this follow-up (only its owner can)',
  manage_followup: 'approve dates, reassign or cancel follow-ups',
  manage_meetings: 'schedule or change meetings',
  export: 'export the program data',
  publish_results: 'republish the public results',
  view_citywide: 'see the citywide goals, health and brief',
};
