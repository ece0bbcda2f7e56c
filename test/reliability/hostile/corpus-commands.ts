// `/stat` with text nobody should type: huge, invisible characters, mentions, SQL, other
// departments, people outside the program, numbers that do not fit.
import { type HostileCase, TOLD } from './types.js';

const DPW_LIAISON = 'U0DPWLIA1';
const CHAIR = 'U0CHAIR01';
export const OUTSIDER = 'U0NOBODY1';

const stat = (
  userId: string,
  text: string,
  expect: HostileCase['expect'],
  extra: Partial<HostileCase> = {},
): HostileCase => ({
  name: `/stat ${text.length > 60 ? `${text.slice(0, 40)}… (${text.length} chars)` : text} — as ${userId}`,
  expect,
  send: ({ driver }) => driver.slashCommand({ command: '/stat', text, userId }),
  ...extra,
});

export const COMMAND_CASES: HostileCase[] = [
  stat(DPW_LIAISON, 'A'.repeat(40_000), TOLD.help),
  stat(DPW_LIAISON, '\u0000\u0007submit', TOLD.help),
  stat(DPW_LIAISON, '\u202Eexport\u202C', TOLD.help),
  stat(DPW_LIAISON, 'submit \u202EWPD\u202C', TOLD.unknownDepartment),
  stat(DPW_LIAISON, 'submit D\u200BPW', TOLD.unknownDepartment),
  stat(DPW_LIAISON, 'submit <!channel> <@U0CHAIR01>', TOLD.unknownDepartment),
  stat(DPW_LIAISON, `submit ${'DPW '.repeat(2000)}`, TOLD.unknownDepartment),
  stat(DPW_LIAISON, 'submit WATER', TOLD.notLiaison),
  stat(DPW_LIAISON, 'submit WATER 2026-10', TOLD.notLiaison),
  stat(DPW_LIAISON, 'submit DPW 2099-01', /has not ended yet/),
  stat(OUTSIDER, 'submit', TOLD.notLiaisonAnywhere),
  stat(OUTSIDER, 'status', TOLD.notAllowed),
  stat(OUTSIDER, 'export', TOLD.notAllowed),
  stat(DPW_LIAISON, 'unlock DPW 2026-10', TOLD.notAllowed),
  stat(CHAIR, 'unlock DPW"; DROP TABLE "Person"; -- 2026-10', /couldn't read .* as a period|don't know a department/),
  stat(CHAIR, 'unlock DPW 2026-13', /month|period/i),
  stat(DPW_LIAISON, 'followup <@U0DPWHEAD> fix <script>alert(1)</script> by Friday', TOLD.notAllowed),
  stat(DPW_LIAISON, 'followups cancel 1 because', TOLD.notAllowed),
  stat(CHAIR, 'followups cancel 99999999999999999999 because', /There is no follow-up #99999999999999999999/),
  stat(CHAIR, 'followups reassign 1 <@U0GHOST99>', /could not find that person/),
  stat(DPW_LIAISON, 'export', TOLD.notAllowed),
  stat(CHAIR, `agenda ${'x'.repeat(3000)}`, /can't find a meeting/),
  stat(CHAIR, 'agenda <!here>', /can't find a meeting/),
  stat(CHAIR, 'status 2026-13', /month|period/i),
  {
    name: 'a slash command this app does not own (/evil)',
    expect: 'ignored',
    send: ({ driver }) => driver.slashCommand({ command: '/evil', text: 'rm -rf /', userId: CHAIR }),
  },
  {
    name: 'command text with bytes that are not UTF-8',
    expect: TOLD.help,
    send: ({ raw, sandbox }) =>
      raw.send(
        `command=%2Fstat&text=%FF%FE%C0%AF&user_id=${CHAIR}&team_id=T0SANDBOX&api_app_id=A0SANDBOX&channel_id=${sandbox.dmChannelId(CHAIR)}&trigger_id=${sandbox.issueTriggerId(CHAIR)}&response_url=${encodeURIComponent(sandbox.newResponseUrl({ user: CHAIR }))}`,
        'application/x-www-form-urlencoded',
      ),
  },
];
