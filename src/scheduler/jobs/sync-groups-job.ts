// When a period opens, the departments' Slack user groups are read again before its reminders are
// planned (once per period); admins hear once about a group that resolved to nobody. A Slack
// failure here is logged and the run goes on with the members last known.
import type { WebClient } from '@slack/web-api';
import { lastClosedPeriod } from '../../domain/calendar/index.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import { slackWorkspaceDirectory } from '../../infra/slack/workspace-directory.js';
import { readSlackStatuses } from '../../services/people/slack-status-absences.js';
import { syncUserGroups } from '../../services/people/sync-groups.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { buildEmptyGroupMessage } from '../../views/delivery-messages.js';

/** `respect_slack_status`: an out-of-office status counts as away (read before DMs go out). */
export async function readStatusesBeforeSending(
  now: Date,
  deps: { prisma: PrismaClient; client: WebClient; logger: Logger },
): Promise<void> {
  try {
    await readSlackStatuses(deps.prisma, slackWorkspaceDirectory(deps.client), now);
  } catch (err) {
    deps.logger.warn('could not read Slack statuses; absences set in App Home still apply', { err });
  }
}

export async function syncGroupsWhenPeriodOpens(
  now: Date,
  deps: { prisma: PrismaClient; client: WebClient; logger: Logger },
): Promise<void> {
  const withGroups = await deps.prisma.department.count({
    where: { active: true, OR: [{ liaisonGroupId: { not: null } }, { headGroupId: { not: null } }] },
  });
  if (withGroups === 0) return;
  try {
    const { calendar } = await loadProgramSettings(deps.prisma);
    const period = lastClosedPeriod(now, 'monthly', calendar.timezone);
    const directory = slackWorkspaceDirectory(deps.client);
    const report = await syncUserGroups(deps.prisma, directory, { period, force: false }, now);
    if (report.changed)
      deps.logger.info('user groups re-read as the period opens', { period, changed: report.changed });
    for (const group of report.toReport)
      for (const admin of report.admins) await sendDm(deps.client, admin, buildEmptyGroupMessage(group), deps.logger);
  } catch (err) {
    deps.logger.warn('could not re-read the user groups; the last known members are kept', { err });
  }
}
