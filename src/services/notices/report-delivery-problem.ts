// A notice that cannot reach its recipient (bot not in the channel, channel gone, account
// deactivated) is marked failed, not retried, and the program's admins are told — once per
// recipient and error, however many notices hit it and however many replicas see it: the first to
// insert the ProcessedInteraction key tells, everyone else stays quiet. If telling fails too, it
// is logged (by sendDm) and left there: a report about a report would be a loop.
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import { sendDm } from '../../infra/slack/send-dm.js';
import type { SlackGateway } from '../../infra/slack/slack-gateway.js';
import type { DeliveryProblem, DeliveryViews } from './notice-model.js';

export type ReportOutcome = 'told' | 'already_told' | 'nobody_to_tell' | 'telling_failed';

export async function reportDeliveryProblem(
  deps: { prisma: PrismaClient; slack: SlackGateway; logger: Logger; views: Pick<DeliveryViews, 'deliveryProblem'> },
  problem: DeliveryProblem,
  now: Date,
): Promise<ReportOutcome> {
  const key = `delivery-problem:${problem.recipient}:${problem.code}`.slice(0, 500);
  const first = await deps.prisma.processedInteraction.createMany({
    data: [{ key, createdAt: now }],
    skipDuplicates: true,
  });
  if (first.count === 0) return 'already_told';
  const admins = await deps.prisma.person.findMany({
    where: { OR: [{ isAdmin: true }, { isChair: true }] },
    orderBy: [{ isAdmin: 'desc' }, { id: 'asc' }],
  });
  // Admins first; chairs only when the program names no admin. Never the unreachable recipient.
  const tellable = admins.filter((p) => p.slackUserId !== problem.recipient);
  const adminsOnly = tellable.filter((p) => p.isAdmin);
  const to = (adminsOnly.length ? adminsOnly : tellable).map((p) => p.slackUserId);
  deps.logger.warn('a notice cannot reach its recipient; admins are told once', { ...problem, tellCount: to.length });
  if (to.length === 0) return 'nobody_to_tell';
  const message = deps.views.deliveryProblem(problem);
  let told = 0;
  for (const admin of to) if ((await sendDm(deps.slack, admin, message, deps.logger)).ok) told++;
  return told > 0 ? 'told' : 'telling_failed';
}
