// A fan-out to count: the sample program imported, and `count` due opening notices (real ones,
// decided and rendered by the real collection code) to people the sandbox knows. Then the tally:
// how many recipients got their DM, how many got it twice, how many never did, and whether every
// row marked sent points at a message Slack really has.
import type { Database } from '../src/infra/db/client.js';
import { loadProgramFile } from '../src/infra/program-file/load-program-file.js';
import { planCollectionNotices } from '../src/services/notices/plan-collection.js';
import { importProgram } from '../src/services/program-import/import-program.js';
import type { SlackSandbox } from './slack-sandbox/index.js';

/** Monday 2 Nov 2026, 10:30 in New York: inside working hours, October's opening notices due. */
export const FANOUT_NOW = new Date('2026-11-02T15:30:00Z');

/**
 * Replaces every scheduled notice with `count` due opening notices to new sandbox users. The first
 * call on a database imports the sample program (later calls reuse it, so a test file pays once).
 */
export async function seedFanout(
  db: Database,
  sandbox: SlackSandbox,
  count: number,
  now: Date = FANOUT_NOW,
): Promise<string[]> {
  const obligation =
    (await db.prisma.departmentPeriod.findFirst({ orderBy: { id: 'asc' } })) ?? (await importSample(db, now));
  const payload = {
    departmentId: obligation.departmentId,
    period: obligation.period,
    step: 'opening',
    dueDate: obligation.dueDate,
    businessDaysLate: 0,
    expiresAt: null,
  };
  await db.prisma.scheduledNotice.deleteMany({});
  const recipients = Array.from({ length: count }, (_, i) => `U0FAN${String(i + 1).padStart(4, '0')}`);
  for (const id of recipients) sandbox.addUser({ id, name: id.toLowerCase() });
  await db.prisma.scheduledNotice.createMany({
    data: recipients.map((recipient, i) => ({
      key: `fanout:${i + 1}`,
      kind: 'collect_opening',
      recipient,
      payload,
      sendAt: new Date(now.getTime() - 60_000 + i), // one order to claim them in
    })),
  });
  return recipients;
}

async function importSample(db: Database, now: Date) {
  const loaded = await loadProgramFile('examples/riverton.yaml');
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  await importProgram(db.prisma, loaded.value, { actor: 'setup', now });
  await planCollectionNotices(db.prisma, now); // creates October's department periods
  return db.prisma.departmentPeriod.findFirstOrThrow({ orderBy: { id: 'asc' } });
}

export interface FanoutTally {
  notices: number;
  /** Recipients who got the DM at least once. */
  delivered: number;
  /** DMs beyond the first, summed over recipients. */
  duplicates: number;
  /** Recipients who never got it. */
  lost: number;
  /** Rows not marked sent, or marked sent with a ts Slack does not have for that recipient. */
  badRows: number;
  /** Recipients who got it more than once. */
  duplicated: string[];
}

export async function tallyFanout(
  db: Database,
  sandbox: SlackSandbox,
  recipients: readonly string[],
): Promise<FanoutTally> {
  const rows = new Map(
    (await db.prisma.scheduledNotice.findMany({ where: { key: { startsWith: 'fanout:' } } })).map((r) => [
      r.recipient,
      r,
    ]),
  );
  const tally: FanoutTally = {
    notices: recipients.length,
    delivered: 0,
    duplicates: 0,
    lost: 0,
    badRows: 0,
    duplicated: [],
  };
  for (const recipient of recipients) {
    const dms = sandbox.dmsTo(recipient);
    if (dms.length === 0) tally.lost++;
    else tally.delivered++;
    if (dms.length > 1) {
      tally.duplicates += dms.length - 1;
      tally.duplicated.push(recipient);
    }
    const row = rows.get(recipient);
    if (row?.status !== 'sent' || !dms.some((m) => m.ts === row.slackTs && m.channel === row.slackChannel))
      tally.badRows++;
  }
  return tally;
}
