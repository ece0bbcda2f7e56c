// The agenda of one meeting: what needs attention now (wrong-way signals in the current process,
// values off target and for how long) ranked, improvements worth recognising apart, follow-ups to
// report back on, and missing data. `/stat agenda`, the packet and the chair's briefing all read this.

import { formatPeriodLabel, localDateOf } from '../../domain/calendar/index.js';
import { agendaSectionOf, rankAgendaItems, scoreAgendaItem } from '../../domain/metric-analysis.js';
import type { Db } from '../../infra/db-types.js';
import { type DepartmentStatusRow, getCollectionStatus } from '../collection/collection-status.js';
import { loadProgramSettings } from '../program-settings.js';
import { type AnalysedDepartment, type AnalysedMetric, analyseDepartments } from './analyse-departments.js';
import { periodsReviewedAt } from './find-meeting.js';
import { type AgendaFollowUp, followUpsForAgenda } from './followups-for-agenda.js';

export interface AgendaMetricItem extends AnalysedMetric {
  departmentId: number;
  departmentName: string;
  score: number;
}

export interface Agenda {
  meeting: {
    id: number;
    name: string;
    startsAt: Date;
    channelId: string;
    chairUserId: string;
    departmentKeys: string[];
  };
  period: string;
  periodLabel: string;
  departments: AnalysedDepartment[];
  /** Needs the meeting's attention, most pressing first. */
  items: AgendaMetricItem[];
  /** Moved the good way (and not off target): worth recognising, in their own short section. */
  recognitions: AgendaMetricItem[];
  /** How many of the meeting's metrics have a number for the period under review. */
  numbers: { entered: number; total: number };
  followUps: AgendaFollowUp[];
  missing: DepartmentStatusRow[];
  timezone: string;
}

export async function buildAgenda(db: Db, meetingId: number, now: Date): Promise<Agenda | null> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, include: { series: true } });
  if (!meeting) return null;
  const settings = await loadProgramSettings(db);
  const tz = settings.calendar.timezone;
  const periods = periodsReviewedAt(meeting.startsAt, tz);
  const departments = await analyseDepartments(db, meeting.departmentKeys, periods.monthly, periods.quarterly, {
    fiscalYearStart: settings.fiscalYearStart,
  });
  const analysed = departments.flatMap((d) =>
    d.metrics.map((m) => ({
      ...m,
      departmentId: d.id,
      departmentName: d.name,
      severity: m.analysis.severity,
      periodsOffTarget: m.analysis.periodsOffTarget,
      signal: m.analysis.signal,
      status: m.analysis.status,
    })),
  );
  const scored = <T extends (typeof analysed)[number]>(c: T) => ({ ...c, score: scoreAgendaItem(c).score });
  const items = rankAgendaItems(analysed.filter((c) => agendaSectionOf(c) === 'attention')).map(scored);
  const recognitions = analysed.filter((c) => agendaSectionOf(c) === 'recognition').map(scored);
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
    recognitions,
    numbers: { entered: analysed.filter((m) => m.analysis.actual !== null).length, total: analysed.length },
    followUps,
    missing: status.rows.filter((r) => r.state === 'late' || r.state === 'partial' || r.state === 'not_started'),
    timezone: tz,
  };
}
