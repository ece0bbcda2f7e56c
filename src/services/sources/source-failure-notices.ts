// One admin DM per failing source system and period, however many metrics, liaisons or replicas:
// the first to insert the ProcessedInteraction key tells; everyone else stays quiet.
import type { PrismaClient } from '../../infra/db-types.js';
import type { PullFailure } from './pull-sources.js';

export interface FailureToTell {
  systemKey: string;
  admins: string[];
  failures: PullFailure[];
}

export async function claimSourceFailureNotices(
  prisma: PrismaClient,
  failures: readonly PullFailure[],
  period: string,
  now: Date,
): Promise<FailureToTell[]> {
  const bySystem = new Map<string, PullFailure[]>();
  for (const f of failures) bySystem.set(f.systemKey, [...(bySystem.get(f.systemKey) ?? []), f]);
  if (bySystem.size === 0) return [];
  const people = await prisma.person.findMany({
    where: { OR: [{ isAdmin: true }, { isChair: true }] },
    orderBy: { id: 'asc' },
  });
  const admins = people.filter((p) => p.isAdmin);
  const to = (admins.length ? admins : people).map((p) => p.slackUserId);
  const out: FailureToTell[] = [];
  for (const [systemKey, list] of bySystem) {
    const key = `source-failure:${systemKey}:${period}`.slice(0, 500);
    const first = await prisma.processedInteraction.createMany({
      data: [{ key, createdAt: now }],
      skipDuplicates: true,
    });
    if (first.count > 0) out.push({ systemKey, admins: to, failures: list });
  }
  return out;
}
