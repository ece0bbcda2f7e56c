// Gathers the facts the program's health is counted from (domain/health/program-health.ts):
// which metrics were due when and first entered when, how late each department was, which values
// changed after their packet locked them, and how follow-ups were answered and closed.
import { lastClosedPeriod, localDateOf, periodsBack } from '../../domain/calendar/index.js';
import {
  computeProgramHealth,
  type FollowUpFact,
  type HealthFacts,
  type MetricDueFact,
  type ObligationFact,
  type ValueFact,
} from '../../domain/health/program-health.js';
import { isCollectedPeriod } from '../../domain/program/starts-with.js';
import type { Db } from '../../infra/db-types.js';
import type { HealthReport } from '../../views/health-message.js';
import { ensureDepartmentPeriod } from '../collection/department-period.js';
import { loadProgramSettings } from '../program-settings.js';

export type { HealthReport };

/** Kinds of follow-up update that answer it (as opposed to a chair's change). */
const ANSWERS = new Set(['update', 'done', 'more_time', 'blocked']);

/** The period of a metric due for a month: the month, or the quarter that ends with it. */
function periodFor(frequency: string, month: string): string | null {
  if (frequency === 'monthly') return month;
  if (frequency === 'quarterly') {
    const [y, m] = month.split('-').map(Number);
    return m && m % 3 === 0 ? `${y}-Q${m / 3}` : null;
  }
  return null;
}

export async function loadProgramHealth(db: Db, now: Date, options: { months?: number } = {}): Promise<HealthReport> {
  const settings = await loadProgramSettings(db);
  const tz = settings.calendar.timezone;
  const today = localDateOf(now, tz);
  const day = (d: Date) => localDateOf(d, tz);
  const departments = await db.department.findMany({
    where: { active: true },
    orderBy: { key: 'asc' },
    include: { metrics: { where: { active: true } } },
  });
  const earliest = departments
    .map((d) => d.startsWith)
    .filter((s): s is string => !!s)
    .sort()[0];
  const months = periodsBack(lastClosedPeriod(now, 'monthly', tz), options.months ?? 12).filter(
    (m) => !earliest || m >= earliest,
  );
  const facts: { metrics: MetricDueFact[]; obligations: ObligationFact[]; values: ValueFact[] } = {
    metrics: [],
    obligations: [],
    values: [],
  };
  const firstLock = await firstLocks(db);
  for (const d of departments) {
    const periods = new Set(months.flatMap((m) => d.metrics.map((x) => periodFor(x.frequency, m) ?? '')));
    const values = await db.metricValue.findMany({
      where: { metricId: { in: d.metrics.map((m) => m.id) }, period: { in: [...periods].filter(Boolean) } },
      include: { revisions: { select: { changedAt: true } } },
    });
    for (const month of months) {
      const byPeriod = new Map<string, typeof d.metrics>();
      for (const m of d.metrics) {
        const p = periodFor(m.frequency, month);
        if (p && isCollectedPeriod(p, d.startsWith)) byPeriod.set(p, [...(byPeriod.get(p) ?? []), m]);
      }
      for (const [period, metrics] of byPeriod) {
        const { dueDate } = await ensureDepartmentPeriod(db, d, period, settings);
        const lock = firstLock.get(`${d.id}/${period}`) ?? null;
        const entered = metrics.map((m) => {
          const v = values.find((x) => x.metricId === m.id && x.period === period);
          const times = (v?.revisions ?? []).map((r) => r.changedAt.getTime());
          if (v)
            facts.values.push({
              departmentKey: d.key,
              month,
              locked: lock !== null,
              revisedAfterPacket: lock !== null && times.some((t) => t > lock.getTime()),
            });
          return times.length ? day(new Date(Math.min(...times))) : v ? day(v.submittedAt) : null;
        });
        for (const firstEnteredDay of entered)
          facts.metrics.push({ departmentKey: d.key, month, dueDate, firstEnteredDay });
        const complete = entered.every((e) => e !== null);
        facts.obligations.push({
          departmentKey: d.key,
          month,
          dueDate,
          completedDay: complete ? ((entered as string[]).sort().at(-1) ?? null) : null,
        });
      }
    }
  }
  const followUps = await followUpFacts(db, now, day);
  const health: HealthFacts = { ...facts, followUps };
  return {
    months,
    departments: departments.map((d) => ({ key: d.key, name: d.name })),
    rows: computeProgramHealth(
      health,
      months,
      departments.map((d) => d.key),
      { today, holidays: settings.calendar.holidays },
    ),
  };
}

/** When each department's period was first locked by a packet (later relocks after an unlock don't count). */
async function firstLocks(db: Db): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  const events = await db.auditEvent.findMany({ where: { action: 'period.lock' }, orderBy: { at: 'asc' } });
  for (const e of events) {
    const targets = (e.detail as { targets?: { departmentId?: number; period?: string }[] }).targets ?? [];
    for (const t of targets) {
      const key = `${t.departmentId}/${t.period}`;
      if (!out.has(key)) out.set(key, e.at);
    }
  }
  for (const p of await db.departmentPeriod.findMany({ where: { lockedAt: { not: null } } })) {
    const key = `${p.departmentId}/${p.period}`;
    if (!out.has(key) && p.lockedAt) out.set(key, p.lockedAt);
  }
  return out;
}

async function followUpFacts(db: Db, now: Date, day: (d: Date) => string): Promise<FollowUpFact[]> {
  const rows = await db.followUp.findMany({
    include: { department: { select: { key: true } }, updates: { select: { kind: true, createdAt: true } } },
  });
  const meetings = await db.meeting.findMany({
    where: { status: { not: 'cancelled' } },
    orderBy: { startsAt: 'asc' },
    select: { startsAt: true, departmentKeys: true },
  });
  return rows.map((f) => {
    const next = meetings.find((m) => m.startsAt > f.createdAt && m.departmentKeys.includes(f.department.key));
    const answers = f.updates.filter((u) => ANSWERS.has(u.kind)).map((u) => u.createdAt.getTime());
    const answeredBy = (t: number) => answers.some((a) => a < t);
    const answeredBeforeNextMeeting =
      next && next.startsAt <= now ? answeredBy(next.startsAt.getTime()) : answeredBy(now.getTime()) ? true : null;
    return {
      departmentKey: f.department.key,
      createdDay: day(f.createdAt),
      dueDate: f.dueDate,
      status: f.status === 'done' || f.status === 'cancelled' ? f.status : 'open',
      closedDay: f.closedAt ? day(f.closedAt) : null,
      answeredBeforeNextMeeting,
    };
  });
}
