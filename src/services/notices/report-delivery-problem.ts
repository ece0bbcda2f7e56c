// A notice that cannot reach its recipient (bot not in the channel, channel gone, account
// deactivated) is marked failed, not retried, and the program's admins are told — once per
// recipient and error, however many notices hit it and however many replicas see it: the first to
// insert the ProcessedInteraction key tells, everyone else stays quiet. If telling fails too, it
// is logged and left there: a report about a report would be a loop.
import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../../infra/db-types.js';
import type { Logger } from '../../infra/logger.js';
import { channelProblem } from '../../infra/slack/post-pages.js';
import { sendDm } from '../../infra/slack/send-dm.js';

export interface DeliveryProblem {
  recipient: string;
  code: string;
  /** What could not be delivered, e.g. "collect_reminder". */
  kind: string;
}

export async function reportDeliveryProblem(
  deps: { prisma: PrismaClient; client: WebClient; logger: Logger },
  problem: DeliveryProblem,
  now: Date,
): Promise<'told' | 'already_told' | 'nobody_to_tell'> {
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
  const text = describeProblem(problem);
  for (const admin of to) await sendDm(deps.client, admin, { text, blocks: [] }, deps.logger);
  return 'told';
}

function describeProblem(p: DeliveryProblem): string {
  const person = /^[UW]/.test(p.recipient);
  const who = person ? `<@${p.recipient}>` : `<#${p.recipient}>`;
  const fix = person
    ? 'Their Slack id in the program file may be wrong, or their account may be deactivated.'
    : p.code === 'not_in_channel' || p.code === 'channel_not_found'
      ? channelProblem(p.code, p.recipient)
      : 'Check the channel id in the program file.';
  return `:warning: stat-bot could not deliver a scheduled message (${p.kind}) to ${who}: Slack says \`${p.code}\`. ${fix} I won't retry it, and I'll only tell you once about this.`;
}
