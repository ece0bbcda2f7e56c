// App Home for chairs and admins, the citywide part (issue 17): goals by status, the ones at risk,
// and the program's own health in one line.
import { GOAL_STATUS_ORDER, type GoalStatus } from '../domain/goals/goal-status.js';
import type { HealthRow } from '../domain/health/program-health.js';
import { GOAL_STATUS_TEXT } from './goals-message.js';
import { healthLine } from './health-message.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md } from './mrkdwn.js';
import type { KnownBlock } from './slack-message.js';

export interface HomeCitywide {
  periodLabel: string;
  goals: { status: GoalStatus; statement: string; noPlanYet: boolean }[];
  /** The whole program's latest month. */
  health: HealthRow | undefined;
}

const SHOWN = 8;

export function citywideHomeBlocks(c: HomeCitywide): KnownBlock[] {
  const atRisk = c.goals
    .filter((g) => g.status === 'off_track' || g.status === 'at_risk')
    .sort((a, b) => GOAL_STATUS_ORDER[a.status] - GOAL_STATUS_ORDER[b.status]);
  const n = (s: GoalStatus) => c.goals.filter((g) => g.status === s).length;
  const summary = `${c.goals.length} goal${c.goals.length === 1 ? '' : 's'}: ${n('off_track')} off track, ${n('at_risk')} at risk, ${n('on_track')} on track, ${n('not_measured')} not measured yet`;
  const goals = atRisk
    .slice(0, SHOWN)
    .map(
      (g) =>
        `• ${GOAL_STATUS_TEXT[g.status]} — ${escapeMrkdwn(g.statement)}${g.noPlanYet ? ' · :warning: no plan yet' : ''}`,
    );
  const more = atRisk.length > SHOWN ? `\n_…and ${atRisk.length - SHOWN} more: \`/stat goals\`_` : '';
  return [
    { type: 'divider' },
    {
      type: 'section',
      text: md(
        fitText(
          `*Goals — ${c.periodLabel}*\n${summary}${goals.length ? `\n${goals.join('\n')}` : ''}${more}`,
          LIMITS.sectionText,
        ),
      ),
    },
    {
      type: 'context',
      elements: [
        md(
          fitText(`${escapeMrkdwn(healthLine(c.health))} More: \`/stat health\`, \`/stat brief\`.`, LIMITS.contextText),
        ),
      ],
    },
  ];
}
