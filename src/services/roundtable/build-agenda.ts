// The agenda of one meeting: signals and off-target metrics ranked, follow-ups to report back on,
// and missing data. `/stat agenda`, the packet and the chair's briefing all read this.

import { formatPeriodLabel, localDateOf } from '../../domain/calendar/index.js';
import { rankAgendaItems, scoreAgendaItem } from '../../domain/metric-analysis.js';
import type { Db } from '../../infra/db-types.js';
import type { Agenda, AgendaMetricItem } from '../../views/agenda-message.js';
import { getCollectionStatus } from '../collection/collection-status.js';
import { loadProgramSettings } from '../program-settings.js';
import { analyseDepartments } from './analyse-departments.js';
import { periodsReviewedAt } from './find-meeting.js';
import { followUpsForAgenda } from './followups-for-agenda.js';

export type { Agenda, AgendaMetricItem };

export async function buildAgenda(db: Db, meetingId: number, now: Date): Promise<Agenda | null> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, include: { series: true } });
  if (!meeting) return null;
  const settings = await loadProgramSettings(db);
  const tz = settings.calendar.timezone;
  const periods = periodsReviewedAt(meeting.startsAt, tz);
  const departments = await analyseDepartments(db, meeting.departmentKeys, periods.monthly, periods.quarterly);
  const candidates = departments.flatMap((d) =>
    d.metrics
      .filter((m) => m.analysis.status === 'off_target' || m.analysis.signal.isSignal)
      .map((m) => ({
        ...m,
        departmentId: d.id,
        departmentName: d.name,
        severity: m.analysis.severity,
        periodsOffTarget: m.analysis.periodsOffTarget,
        signal: m.analysis.signal,
      })),
  );
  const items = rankAgendaItems(candidates).map((c) => ({ ...c, score: scoreAgendaItem(c).score }));
  // "Since last time" means since these departments last met, not since the series last met.
  const previous = await db.meeting.findFirst({
    where: {
      seriesId: meeting.seriesId,
      startsAt: { lt: meeting.startsAt },
      status: { not: 'cancelled' },
      departmentKeys: { hasSome: meeting.departmentKeys },
    },
    orderBy: { startsAt: 'desc' },
  });
  const since = previous?.startsAt ?? new Date(meeting.startsAt.getTime() - 35 * 86_400_000);
  const followUps = await followUpsForAgenda(
    db,
    departments.map((d) => d.id),
    localDateOf(now, tz),
    since,
    previous?.id ?? null,
  );
  const status = await getCollectionStatus(db, periods.monthly, now, meeting.departmentKeys);
  return {
    meeting: {
      id: meeting.id,
      name: meeting.series.name,
      startsAt: meeting.startsAt,
      channelId: meeting.series.channelId,
      chairUserId: meeting.series.chairUserId,
      departmentKeys: meeting.departmentKeys,
    },
    period: periods.monthly,
    periodLabel: formatPeriodLabel(periods.monthly),
    departments,
    items,
    followUps,
    missing: status.rows.filter((r) => r.state === 'late' || r.state === 'partial' || r.state === 'not_started'),
    timezone: tz,
  };
}
