// Sends one planned weekly DM (see plan-weekly-collection.ts), deciding at send time: only the
// weekly metrics still missing from the person's departments are listed; nothing missing (or a
// newer week already open), nothing is sent.
import { lastClosedPeriod, localDateOf } from '../../domain/calendar/index.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { OutgoingMessage, SlackGateway } from '../../infra/slack/slack-gateway.js';
import type { WeeklyReminderModel } from '../../views/weekly-reminder.js';
import { loadProgramSettings } from '../program-settings.js';
import type { ClaimedNotice } from './claim-notices.js';
import type { MultiStepOutcome } from './deliver-notices.js';
import type { StepRunner } from './notice-steps.js';
import { weeklyPayloadSchema } from './plan-weekly-collection.js';

export interface WeeklyNoticeDeps {
  prisma: PrismaClient;
  slack: SlackGateway;
  render: (model: WeeklyReminderModel) => OutgoingMessage;
}

export async function sendWeeklyNotice(
  deps: WeeklyNoticeDeps,
  notice: Pick<ClaimedNotice, 'payload' | 'recipient'>,
  steps: StepRunner,
): Promise<MultiStepOutcome> {
  const payload = weeklyPayloadSchema.safeParse(notice.payload);
  if (!payload.success) return { status: 'skipped', detail: 'bad payload' };
  const { week, step, dueDate } = payload.data;
  const settings = await loadProgramSettings(deps.prisma);
  if (step === 'opening' && lastClosedPeriod(steps.now, 'weekly', settings.calendar.timezone) !== week)
    return { status: 'skipped', detail: 'a newer week has opened' };
  // After downtime the due-day reminder may be due too: one DM says it, not an opening and a reminder.
  if (step === 'opening' && localDateOf(steps.now, settings.calendar.timezone) >= dueDate)
    return { status: 'skipped', detail: 'the due-day reminder says it' };
  const departments = await deps.prisma.department.findMany({
    where: { active: true, members: { some: { role: 'liaison', person: { slackUserId: notice.recipient } } } },
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
  const due = departments
    .filter((d) => !d.periods[0]?.lockedAt)
    .map((d) => ({
      id: d.id,
      name: d.name,
      metrics: d.metrics.filter((m) => m.values.length === 0).map((m) => m.name),
    }))
    .filter((d) => d.metrics.length > 0);
  if (due.length === 0) return { status: 'skipped', detail: 'every weekly metric is in' };
  const sent = await steps.run('dm', notice.recipient, (tag) =>
    deps.slack.postMessage({
      channel: notice.recipient,
      message: deps.render({ week, dueDate, step, departments: due }),
      noticeKey: tag,
    }),
  );
  if (!sent.ok)
    return sent.failure.retry
      ? { status: 'retry', failure: sent.failure }
      : { status: 'failed', detail: sent.failure.code };
  return {
    status: 'sent',
    channel: sent.channel ?? notice.recipient,
    ts: sent.ts ?? '',
    detail: `${due.length} departments`,
  };
}
