// What a hostile request changed: everything the person could see (the ack, response_url posts,
// views and messages the bot sent) and a digest of the database, to compare before and after.

import type { SlackSandbox } from '../../../local-stack/slack-sandbox/index.js';
import type { PrismaClient } from '../../../src/infra/db-types.js';
import type { Sent } from './types.js';

const VISIBLE = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'views.open',
  'views.update',
  'views.push',
  'views.publish',
]);

export interface Mark {
  calls: number;
  responses: number;
}

export function mark(sandbox: SlackSandbox): Mark {
  return { calls: sandbox.calls.length, responses: sandbox.responses().length };
}

/** Everything shown to anyone since `from`, as one string (empty when nothing was shown). */
export function visibleSince(sandbox: SlackSandbox, from: Mark, sent: Sent): string {
  const parts: unknown[] = [];
  if (sent.body !== undefined && sent.body !== '') parts.push(sent.body);
  parts.push(
    ...sandbox
      .responses()
      .slice(from.responses)
      .map((r) => r.body),
  );
  parts.push(
    ...sandbox.calls
      .slice(from.calls)
      .filter((c) => VISIBLE.has(c.method) && c.ok)
      .map((c) => ({ method: c.method, args: c.args })),
  );
  return parts.length ? JSON.stringify(parts) : '';
}

/** Messages posted where others read them (not ephemeral, not a modal), since `from`. */
export function publicPostsSince(sandbox: SlackSandbox, from: Mark): string[] {
  return sandbox.calls
    .slice(from.calls)
    .filter((c) => c.method === 'chat.postMessage' && c.ok)
    .map((c) => JSON.stringify(c.args));
}

/** Row counts and state that any write would move. Event ids the middleware records are left out. */
export async function digest(prisma: PrismaClient): Promise<Record<string, number>> {
  const [
    values,
    revisions,
    periods,
    submitted,
    locked,
    followUps,
    openFollowUps,
    updates,
    notices,
    pendingNotices,
    audit,
    people,
    departments,
    metrics,
    meetings,
    processed,
  ] = await Promise.all([
    prisma.metricValue.count(),
    prisma.metricValueRevision.count(),
    prisma.departmentPeriod.count(),
    prisma.departmentPeriod.count({ where: { submittedAt: { not: null } } }),
    prisma.departmentPeriod.count({ where: { lockedAt: { not: null } } }),
    prisma.followUp.count(),
    prisma.followUp.count({ where: { status: 'open' } }),
    prisma.followUpUpdate.count(),
    prisma.scheduledNotice.count(),
    prisma.scheduledNotice.count({ where: { status: 'pending' } }),
    prisma.auditEvent.count(),
    prisma.person.count(),
    prisma.department.count(),
    prisma.metric.count(),
    prisma.meeting.count(),
    prisma.processedInteraction.count({ where: { NOT: { key: { startsWith: 'event:' } } } }),
  ]);
  return {
    values,
    revisions,
    periods,
    submitted,
    locked,
    followUps,
    openFollowUps,
    updates,
    notices,
    pendingNotices,
    audit,
    people,
    departments,
    metrics,
    meetings,
    processed,
  };
}
