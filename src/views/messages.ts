// Every sentence the bot says when it refuses or something goes wrong, in one place.
// Departments are partners: say what happened and what to do next, never blame.
import { possessive } from './mrkdwn.js';

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
  notAllowed: (what: string) => `Sorry, only chairs and admins can ${what}.`,
  duplicateSubmission: 'Already saved — this submission arrived twice, so it was stored once.',
} as const;
