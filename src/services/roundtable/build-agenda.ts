// The agenda of one meeting: what needs attention now (wrong-way signals in the current process,
// values off target and for how long) ranked, improvements worth recognising apart, follow-ups to
// report back on, and missing data. `/stat agenda`, the packet and the chair's briefing all read this.
// Each department is reviewed on the latest period that is due by packet time (see
// domain/meetings/period-under-review.ts): a packet before the due date shows the period before,
// complete, and says which period was held back and until when.

import { formatPeriodLabel, localDateOf } from '../../domain/calendar/index.js';
import { computePacketTime } from '../../domain/meetings/packet-time.js';
import { type PeriodUnderReview, periodUnderReview } from '../../domain/meetings/period-under-review.js';
import { agendaSectionOf, rankAgendaItems, scoreAgendaItem } from '../../domain/metric-analysis.js';
import type { Db } from '../../infra/db-types.js';
import type { Agenda, AgendaMetricItem, DepartmentCoverage } from '../../views/agenda-message.js';
import type { AnalysedDepartment } from '../../views/metric-line.js';
import { getCollectionStatus } from '../collection/collection-status.js';
import { ensureDepartmentPeriods } from '../collection/department-period.js';
import { unplannedAmong } from '../goals/no-plan-yet.js';
import { loadProgramSettings, type ProgramSettings } from '../program-settings.js';
import { analyseDepartments } from './analyse-departments.js';
import { periodsReviewedAt } from './find-meeting.js';
import { followUpsForAgenda } from './followups-for-agenda.js';

export type { Agenda, AgendaMetricItem, DepartmentCoverage };

export async function buildAgenda(db: Db, meetingId: number, now: Date): Promise<Agenda | null> {
  // Queries that do not depend on each other are sent together: PostgreSQL runs them on separate
  // connections, and PGlite (one session) runs each while the bot maps the previous one's rows.
  const [meeting, settings] = await Promise.all([
    db.meeting.findUnique({ where: { id: meetingId }, include: { series: true } }),
    loadProgramSettings(db),
  ]);
  if (!meeting) return null;
  const tz = settings.calendar.timezone;
  // The packet's own time decides what is due: once posted, when it was posted; before that, when
  // it is scheduled (or now, if it is late), so `/stat agenda` shows what the packet will.
  const packetAt =
    meeting.packetPostedAt ??
    new Date(
      Math.max(
        now.getTime(),
        computePacketTime(
          meeting.startsAt,
          meeting.series.packetLeadHours,
          settings.reminders.sendTime,
          settings.calendar,
        ).getTime(),
      ),
    );
  const [coverage, previous] = await Promise.all([
    coverageAt(db, meeting.startsAt, meeting.departmentKeys, packetAt, settings),
    // "Since last time" means since these departments last met, not since the series last met.
    db.meeting.findFirst({
      where: {
        seriesId: meeting.seriesId,
        startsAt: { lt: meeting.startsAt },
        status: { not: 'cancelled' },
        departmentKeys: { hasSome: meeting.departmentKeys },
      },
      orderBy: { startsAt: 'desc' },
      select: { id: true, startsAt: true },
    }),
  ]);
  const departments = await analyseCovered(db, meeting.departmentKeys, coverage, settings.fiscalYearStart);
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
  const ranked = rankAgendaItems(analysed.filter((c) => agendaSectionOf(c) === 'attention')).map(scored);
  const recognitions = analysed.filter((c) => agendaSectionOf(c) === 'recognition').map(scored);
  const since = previous?.startsAt ?? new Date(meeting.startsAt.getTime() - 35 * 86_400_000);
  const monthlies = [...new Set(coverage.map((c) => c.monthly))];
  // One follow-up read serves both the list and "no plan yet" (open follow-ups on the ranked metrics).
  const [{ followUps, plannedMetricIds }, statuses] = await Promise.all([
    followUpsForAgenda(
      db,
      departments,
      localDateOf(now, tz),
      since,
      previous?.id ?? null,
      ranked.map((c) => c.metricId),
    ),
    Promise.all(
      monthlies.map((monthly) => {
        const keys = departments.filter((d) => coverage.some((c) => c.departmentId === d.id && c.monthly === monthly));
        return getCollectionStatus(
          db,
          monthly,
          now,
          keys.map((d) => d.key),
          settings,
        );
      }),
    ),
  ]);
  const unplanned = unplannedAmong(ranked, plannedMetricIds);
  const items = ranked.map((c) => ({ ...c, noPlanYet: unplanned.has(c.metricId) }));
  const rows = statuses.flatMap((status) => status.rows);
  const missing = rows.filter((r) => r.state === 'late' || r.state === 'partial' || r.state === 'not_started');
  const awaitingSignOff = rows.filter((r) => r.signOff === 'pending' || r.signOff === 'returned');
  monthlies.sort();
  const nominal = periodsReviewedAt(meeting.startsAt, tz).monthly;
  return {
    meeting: {
      id: meeting.id,
      name: meeting.series.name,
      startsAt: meeting.startsAt,
      channelId: meeting.series.channelId,
      chairUserId: meeting.series.chairUserId,
      departmentKeys: meeting.departmentKeys,
    },
    period: monthlies.at(-1) ?? nominal,
    periodLabel: (monthlies.length ? monthlies : [nominal]).map(formatPeriodLabel).join(' and '),
    coverage,
    departments,
    items,
    recognitions,
    numbers: { entered: analysed.filter((m) => m.analysis.actual !== null).length, total: analysed.length },
    followUps,
    missing,
    ...(awaitingSignOff.length ? { awaitingSignOff } : {}),
    timezone: tz,
  };
}

/** Which periods each department is reviewed on, for a packet posted (or to be posted) at `packetAt`. */
export async function coverageAt(
  db: Db,
  startsAt: Date,
  departmentKeys: readonly string[],
  packetAt: Date,
  settings: ProgramSettings,
): Promise<DepartmentCoverage[]> {
  const tz = settings.calendar.timezone;
  const nominal = periodsReviewedAt(startsAt, tz);
  const rows = await db.department.findMany({
    where: { key: { in: [...departmentKeys] } },
    include: { metrics: { where: { active: true }, select: { frequency: true } } },
  });
  const order = new Map(departmentKeys.map((k, i) => [k, i]));
  rows.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  const using = (frequency: string) => rows.filter((d) => d.metrics.some((m) => m.frequency === frequency));
  // The stored obligations' due dates are the ones the reminders and the late list use.
  const [monthlyDue, quarterlyDue] = await Promise.all([
    ensureDepartmentPeriods(db, using('monthly'), nominal.monthly, settings),
    ensureDepartmentPeriods(db, using('quarterly'), nominal.quarterly, settings),
  ]);
  const out: DepartmentCoverage[] = [];
  for (const d of rows) {
    const frequencies = new Set(d.metrics.map((m) => m.frequency));
    const review = (period: string, obligation: { dueDate: string } | undefined): PeriodUnderReview =>
      obligation ? periodUnderReview(period, () => obligation.dueDate, packetAt, tz) : { period, notDue: null };
    const monthly = review(nominal.monthly, monthlyDue.get(d.id));
    const quarterly = review(nominal.quarterly, quarterlyDue.get(d.id));
    out.push({
      departmentId: d.id,
      departmentName: d.name,
      monthly: monthly.period,
      quarterly: quarterly.period,
      notDue: [monthly, quarterly].flatMap((r) =>
        r.notDue ? [{ ...r.notDue, periodLabel: formatPeriodLabel(r.notDue.period) }] : [],
      ),
      lockable: [
        ...(frequencies.has('quarterly') ? [quarterly.period] : []),
        ...(frequencies.has('quarterly') && !frequencies.has('monthly') ? [] : [monthly.period]),
      ],
    });
  }
  return out;
}

/** Departments reviewed on the same periods are analysed together, then put back in meeting order. */
async function analyseCovered(
  db: Db,
  departmentKeys: readonly string[],
  coverage: DepartmentCoverage[],
  fiscalYearStart: number,
): Promise<AnalysedDepartment[]> {
  const groups = new Map<string, DepartmentCoverage[]>();
  for (const c of coverage)
    groups.set(`${c.monthly}/${c.quarterly}`, [...(groups.get(`${c.monthly}/${c.quarterly}`) ?? []), c]);
  const analysed: AnalysedDepartment[] = [];
  for (const group of groups.values()) {
    const ids = new Set(group.map((c) => c.departmentId));
    const all = await analyseDepartments(db, departmentKeys, group[0]!.monthly, group[0]!.quarterly, {
      fiscalYearStart,
    });
    analysed.push(...all.filter((d) => ids.has(d.id)));
  }
  const order = new Map(departmentKeys.map((k, i) => [k, i]));
  return analysed.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
}

/** What posting the packet locks: each department's reviewed periods (lockPeriods refuses any not yet due). */
export function periodsToLock(agenda: Agenda): { departmentId: number; period: string }[] {
  return agenda.coverage.flatMap((c) => c.lockable.map((period) => ({ departmentId: c.departmentId, period })));
}
