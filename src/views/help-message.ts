// `/stat help` (and any unknown subcommand): what the bot can do, in one short message.
import { md } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';

export const COMMAND_HELP: [string, string][] = [
  ['/stat submit [department] [period]', 'enter or revise your department’s numbers'],
  ['/stat status [period]', 'who has submitted, who is partial, who is late'],
  ['/stat agenda [next|department|date]', 'the ranked agenda of the next roundtable (chairs)'],
  ['/stat followup @owner <text> by <date>', 'record a decision as a follow-up'],
  ['/stat followups [mine|department|overdue]', 'list follow-ups'],
  ['/stat meeting [move|cancel|add …]', 'list, move, cancel or add roundtables (chairs, admins)'],
  ['/stat unlock <department> <period>', 'reopen a locked period for a correction (chairs, admins)'],
  ['/stat export', 'CSV of values and follow-ups (chairs, admins)'],
  ['/stat publish [period]', 'republish the open data and public site now (admins)'],
  ['/stat goals [priority]', 'goals and their status, rolled up from their metrics (chairs, admins)'],
  ['/stat brief [period]', 'the monthly citywide brief, on demand (chairs, admins)'],
  ['/stat health [department]', 'the program’s own health, month by month (chairs, admins)'],
];

export function buildHelpMessage(unknown?: string): SlackMessage {
  const intro =
    unknown && unknown !== 'help' ? `I don't know \`${unknown.slice(0, 30).replace(/[`<>&]/g, '')}\`. ` : '';
  const lines = COMMAND_HELP.map(([cmd, what]) => `• \`${cmd}\` — ${what}`).join('\n');
  const text = `${intro}Here's what I can do:\n${lines}`;
  return { text, blocks: [{ type: 'section', text: md(text) }] };
}
