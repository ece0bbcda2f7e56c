// `respect_slack_status: true`: before DMs go out, the Slack status of each person a collection DM
// is due for is read (users.profile.get); an out-of-office status with an expiry becomes an absence
// (source slack_status) until the day it expires, replaced on every read. No delegate: the other
// recipients cover it.
import { localDateOf } from '../../domain/calendar/index.js';
import { outOfOfficeUntil } from '../../domain/people/slack-status.js';
import type { Db } from '../../infra/db-types.js';
import type { WorkspaceDirectory } from '../../infra/slack/workspace-directory.js';
import { loadProgramSettings } from '../program-settings.js';
import { forgetAbsences } from './absences.js';

export async function readSlackStatuses(db: Db, directory: WorkspaceDirectory, now: Date): Promise<number> {
  const settings = await loadProgramSettings(db);
  if (!settings.respectSlackStatus) return 0;
  const due = await db.scheduledNotice.findMany({
    where: { kind: { startsWith: 'collect_' }, status: 'pending', sendAt: { lte: now } },
    select: { recipient: true },
    distinct: ['recipient'],
  });
  const today = localDateOf(now, settings.calendar.timezone);
  let away = 0;
  for (const { recipient } of due) {
    const status = await directory.status(recipient);
    const until = status ? outOfOfficeUntil(status, now) : null;
    await db.absence.deleteMany({ where: { slackUserId: recipient, source: 'slack_status' } });
    if (!until) continue;
    const endDate = localDateOf(until, settings.calendar.timezone);
    await db.absence.create({
      data: {
        slackUserId: recipient,
        startDate: today,
        endDate,
        delegate: null,
        source: 'slack_status',
        createdAt: now,
      },
    });
    away++;
  }
  forgetAbsences(db);
  return away;
}
