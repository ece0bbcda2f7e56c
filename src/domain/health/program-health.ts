// The program's own health, per department and for the whole program, month by month (Atlanta
// measured its program this way: every department submitting, on time, follow-ups closed). Pure:
// the service gathers the facts; this counts them. Each measure is null when nothing counts yet.
//
// A month's measures:
// - submitted on time: of the metrics due for that month (quarterly: the quarter's last month)
//   whose due date has passed or that have a value, the share first entered on or before the due date;
// - days late: the mean business days each department's numbers came in after the due date (0 when
//   on time; still missing after the due date: the days so far);
// - revised after the packet: of the values entered for the month whose period has been locked by
//   a packet, the share changed after that first lock;
// - follow-ups closed on time: of the follow-ups due that month (not cancelled, and either closed or
//   past due), the share marked done on or before their due date;
// - median days to close: over follow-ups marked done that month, calendar days from creation;
// - answered before the next meeting: of the follow-ups recorded that month whose next meeting has
//   passed (or that were answered already), the share with an answer (update, done, more time,
//   blocked) before that meeting.
import { businessDaysBetween } from '../calendar/business-days.js';
import type { LocalDate } from '../calendar/local-date.js';

export interface MetricDueFact {
  departmentKey: string;
  month: string;
  dueDate: LocalDate;
  firstEnteredDay: LocalDate | null;
}

export interface ObligationFact {
  departmentKey: string;
  month: string;
  dueDate: LocalDate;
  /** The day the department's last due metric came in; null while some are missing. */
  completedDay: LocalDate | null;
}

export interface ValueFact {
  departmentKey: string;
  month: string;
  /** The period has been locked by a packet. */
  locked: boolean;
  revisedAfterPacket: boolean;
}

export interface FollowUpFact {
  departmentKey: string;
  createdDay: LocalDate;
  dueDate: LocalDate;
  status: 'open' | 'done' | 'cancelled';
  closedDay: LocalDate | null;
  /** Answered before its department's next meeting; null while that is not yet known. */
  answeredBeforeNextMeeting: boolean | null;
}

export interface HealthFacts {
  metrics: readonly MetricDueFact[];
  obligations: readonly ObligationFact[];
  values: readonly ValueFact[];
  followUps: readonly FollowUpFact[];
}

export interface Share {
  count: number;
  total: number;
  share: number;
}

export interface HealthMeasures {
  submittedOnTime: Share | null;
  daysLate: number | null;
  revisedAfterPacket: Share | null;
  closedOnTime: Share | null;
  medianDaysToClose: number | null;
  answeredBeforeNextMeeting: Share | null;
}

export interface HealthRow {
  month: string;
  /** null: the whole program. */
  departmentKey: string | null;
  measures: HealthMeasures;
}

function share(flags: readonly boolean[]): Share | null {
  if (flags.length === 0) return null;
  const count = flags.filter(Boolean).length;
  return { count, total: flags.length, share: count / flags.length };
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const monthOf = (day: LocalDate) => day.slice(0, 7);

export function measureMonth(
  facts: HealthFacts,
  month: string,
  calendar: { today: LocalDate; holidays: readonly string[] },
): HealthMeasures {
  const { today, holidays } = calendar;
  const due = facts.metrics.filter((m) => m.month === month && (m.dueDate < today || m.firstEnteredDay !== null));
  const obligations = facts.obligations.filter((o) => o.month === month && (o.dueDate < today || o.completedDay));
  const lateness = obligations.map((o) =>
    Math.max(0, businessDaysBetween(o.dueDate, o.completedDay ?? today, holidays)),
  );
  const locked = facts.values.filter((v) => v.month === month && v.locked);
  const dueFollowUps = facts.followUps.filter(
    (f) => f.status !== 'cancelled' && monthOf(f.dueDate) === month && (f.status === 'done' || f.dueDate < today),
  );
  const closed = facts.followUps.filter((f) => f.status === 'done' && f.closedDay && monthOf(f.closedDay) === month);
  const answered = facts.followUps.filter(
    (f) => f.status !== 'cancelled' && monthOf(f.createdDay) === month && f.answeredBeforeNextMeeting !== null,
  );
  return {
    submittedOnTime: share(due.map((m) => m.firstEnteredDay !== null && m.firstEnteredDay <= m.dueDate)),
    daysLate: lateness.length ? Math.round((lateness.reduce((a, b) => a + b, 0) / lateness.length) * 10) / 10 : null,
    revisedAfterPacket: share(locked.map((v) => v.revisedAfterPacket)),
    closedOnTime: share(dueFollowUps.map((f) => f.status === 'done' && !!f.closedDay && f.closedDay <= f.dueDate)),
    medianDaysToClose: median(closed.map((f) => daysBetween(f.createdDay, f.closedDay ?? f.createdDay))),
    answeredBeforeNextMeeting: share(answered.map((f) => f.answeredBeforeNextMeeting === true)),
  };
}

/** One row per month for the whole program, then one per department and month. */
export function computeProgramHealth(
  facts: HealthFacts,
  months: readonly string[],
  departmentKeys: readonly string[],
  calendar: { today: LocalDate; holidays: readonly string[] },
): HealthRow[] {
  const only = (key: string): HealthFacts => ({
    metrics: facts.metrics.filter((x) => x.departmentKey === key),
    obligations: facts.obligations.filter((x) => x.departmentKey === key),
    values: facts.values.filter((x) => x.departmentKey === key),
    followUps: facts.followUps.filter((x) => x.departmentKey === key),
  });
  return [
    ...months.map((month) => ({ month, departmentKey: null, measures: measureMonth(facts, month, calendar) })),
    ...departmentKeys.flatMap((key) => {
      const mine = only(key);
      return months.map((month) => ({ month, departmentKey: key, measures: measureMonth(mine, month, calendar) }));
    }),
  ];
}
