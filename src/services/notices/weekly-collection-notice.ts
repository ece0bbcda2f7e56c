// Sends one planned weekly DM (see plan-weekly-collection.ts), deciding at send time: only the
// weekly metrics still missing from the person's departments are listed; nothing missing (or a
// newer week already open), nothing is sent.
// Who (issue 15), as for monthly reminders (routeCollectionNotice): someone away is never sent it;
// their departments go to their delegate — inside the delegate's own weekly DM when they have one,
// so it stays one DM per person per step — or are left to the department's other liaisons.

import { lastClosedPeriod, localDateOf } from '../../domain/calendar/index.js';
import { absenceOn } from '../../domain/people/away.js';
import type { Db, PrismaClient } from '../../infra/db-types.js';
import type { OutgoingMessage, SlackGateway } from '../../infra/slack/slack-gateway.js';
import type { WeeklyReminderModel } from '../../views/weekly-reminder.js';
import { loadAbsences } from '../people/absences.js';
import { routeCollectionNotice } from '../people/route-collection.js';
import type { ProgramSettings } from '../program-settings.js';
import type { ClaimedNotice } from './claim-notices.js';
import type { MultiStepOutcome } from './deliver-notices.js';
import type { StepRunner } from './notice-steps.js';
import { WEEKLY_NOTICE_KIND, weeklyPayloadSchema } from './plan-weekly-collection.js';

export interface WeeklyNoticeDeps {
  prisma: PrismaClient;
  slack: SlackGateway;
  render: (model: WeeklyReminderModel) => OutgoingMessage;
}

type DueDepartment = WeeklyReminderModel['departments'][number];

export async function sendWeeklyNotice(
  deps: WeeklyNoticeDeps,
  notice: Pick<ClaimedNotice, 'payload' | 'recipient'>,
  steps: StepRunner,
  /** The delivery run's, read once per run. */
  settings: ProgramSettings,
): Promise<MultiStepOutcome> {
  const payload = weeklyPayloadSchema.safeParse(notice.payload);
  if (!payload.success) return { status: 'skipped', detail: 'bad payload' };
  const { week, step, dueDate } = payload.data;
  const { now } = steps;
  const { calendar } = settings;
  if (step === 'opening' && lastClosedPeriod(now, 'weekly', calendar.timezone) !== week)
    return { status: 'skipped', detail: 'a newer week has opened' };
  // After downtime the due-day reminder may be due too: one DM says it, not an opening and a reminder.
  if (step === 'opening' && localDateOf(now, calendar.timezone) >= dueDate)
    return { status: 'skipped', detail: 'the due-day reminder says it' };
  const db = deps.prisma;
  const route = await routeWeekly(db, notice.recipient, { week, step }, now, calendar.timezone);
  if (route.kind === 'skip') return { status: 'skipped', detail: route.reason };
  const { to, departments: due } = route;
  if (due.length === 0) return { status: 'skipped', detail: 'every weekly metric is in' };
  const sent = await steps.run('dm', to, (tag) =>
    deps.slack.postMessage({
      channel: to,
      message: deps.render({ week, dueDate, step, departments: due }),
      noticeKey: tag,
    }),
  );
  if (!sent.ok)
    return sent.failure.retry
      ? { status: 'retry', failure: sent.failure }
      : { status: 'failed', detail: sent.failure.code };
  return { status: 'sent', channel: sent.channel ?? to, ts: sent.ts ?? '', detail: `${due.length} departments` };
}

type WeeklyRoute = { kind: 'send'; to: string; departments: DueDepartment[] } | { kind: 'skip'; reason: string };

/** Whom this person's weekly DM goes to today, and which departments it lists. */
async function routeWeekly(
  db: Db,
  recipient: string,
  s: { week: string; step: 'opening' | 'due' },
  now: Date,
  timezone: string,
): Promise<WeeklyRoute> {
  const absences = await loadAbsences(db);
  const day = localDateOf(now, timezone);
  const routed = async (liaison: string) => {
    const out: { to: string; department: DueDepartment }[] = [];
    for (const department of await weeklyDue(db, liaison, s.week)) {
      const r = await routeCollectionNotice(
        db,
        { recipient: liaison, departmentId: department.id, step: s.step },
        now,
        timezone,
      );
      if (r.kind === 'send') out.push({ to: r.to, department });
    }
    return out;
  };
  if (absenceOn(absences, recipient, day)) {
    const theirs = await routed(recipient);
    const to = theirs[0]?.to;
    if (!to) return { kind: 'skip', reason: 'away; the other liaisons are reminded' };
    // The delegate's own weekly DM (planned when they are a liaison too) lists these departments.
    const own = await db.scheduledNotice.findUnique({ where: { key: `weekly:${s.week}:${s.step}:${to}` } });
    if (own?.kind === WEEKLY_NOTICE_KIND) return { kind: 'skip', reason: `in the delegate's own DM (${own.key})` };
    const name = await nameOf(db, recipient);
    return { kind: 'send', to, departments: theirs.map((t) => ({ ...t.department, onBehalfOf: name })) };
  }
  const departments = await weeklyDue(db, recipient, s.week);
  // Colleagues away today who named this person: their departments that come here, in this one DM.
  for (const a of absences.filter((x) => x.delegate === recipient && x.userId !== recipient)) {
    if (absenceOn(absences, a.userId, day) !== a) continue;
    const name = await nameOf(db, a.userId);
    for (const t of await routed(a.userId))
      if (t.to === recipient && !departments.some((d) => d.id === t.department.id))
        departments.push({ ...t.department, onBehalfOf: name });
  }
  return { kind: 'send', to: recipient, departments };
}

const nameOf = async (db: Db, userId: string) =>
  (await db.person.findUnique({ where: { slackUserId: userId } }))?.name ?? userId;

/** The weekly metrics still missing for the week from each unlocked department the person is a liaison of. */
async function weeklyDue(db: Db, liaison: string, week: string): Promise<DueDepartment[]> {
  const departments = await db.department.findMany({
    where: { active: true, members: { some: { role: 'liaison', person: { slackUserId: liaison } } } },
    orderBy: { name: 'asc' },
    include: {
      periods: { where: { period: week } },
      metrics: {
        where: { active: true, frequency: 'weekly' },
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
        include: { values: { where: { period: week } } },
      },
    },
  });
  return departments
    .filter((d) => !d.periods[0]?.lockedAt)
    .map((d) => ({
      id: d.id,
      name: d.name,
      metrics: d.metrics.filter((m) => m.values.length === 0).map((m) => m.name),
    }))
    .filter((d) => d.metrics.length > 0);
}
