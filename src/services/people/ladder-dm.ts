// One collection DM per person per ladder step: the first notice of a step that reaches a person
// (after routing to delegates) takes the other departments whose same step is due for that same
// person into its DM, and records which departments it covered; their own notices then stand down.
// A retry of the lead notice finds its record and covers the same departments again.

import { localDateOf } from '../../domain/calendar/index.js';
import { type Route, routeRecipient } from '../../domain/people/away.js';
import type { Db } from '../../infra/db-types.js';
import { chairs, membersOf } from '../actors.js';
import { type CollectionPayload, collectionPayloadSchema } from '../notices/plan-collection.js';
import { loadAbsences } from './absences.js';

/** Departments one DM lists at most (at most three blocks each, under Slack's 50 per message); the rest lead their own. */
const MAX_DEPARTMENTS_PER_DM = 16;

/** A department's same step for the same person, and whom they get it for when that is an away colleague. */
export type Sibling = CollectionPayload & { onBehalfOf: string | null };

export type LadderClaim = { kind: 'covered'; by: string } | { kind: 'lead'; others: Sibling[] };

export async function claimLadderStep(
  db: Db,
  lead: { key: string; to: string; payload: CollectionPayload },
  now: Date,
  timezone: string,
): Promise<LadderClaim> {
  const { period, departmentId } = lead.payload;
  const step = rungOf(lead.key);
  // One round trip for every DM (this runs for each one): the records of leads for this person and
  // step (a retry of mine? covered by another?), and the same step's other notices due now.
  const rows = await db.$queryRaw<LadderRow[]>`
    SELECT 'record' AS src, id, "noticeKey" AS key, "departmentIds", recipient, NULL::jsonb AS payload
      FROM "LadderDm" WHERE recipient = ${lead.to} AND period = ${period} AND step = ${step}
    UNION ALL
    SELECT 'notice' AS src, id, key, NULL::int[], recipient, payload
      FROM "ScheduledNotice"
      WHERE kind = ${`collect_${lead.payload.step}`} AND key <> ${lead.key} AND key LIKE ${`%:${period}:${step}:%`}
        AND status IN ('pending', 'claimed') AND "sendAt" <= ${now}
    ORDER BY src, id`;
  const records = rows.filter((r) => r.src === 'record');
  const mine = records.find((r) => r.key === lead.key);
  const covered = records.find((r) => r.key !== lead.key && (r.departmentIds ?? []).includes(departmentId));
  if (!mine && covered) return { kind: 'covered', by: covered.key };
  const due = await dueSiblings(
    db,
    lead,
    rows.filter((r) => r.src === 'notice'),
    now,
    timezone,
  );
  if (mine) return { kind: 'lead', others: due.filter((p) => (mine.departmentIds ?? []).includes(p.departmentId)) };
  const others = due
    .filter((p, i) => p.departmentId !== departmentId && due.findIndex((q) => q.departmentId === p.departmentId) === i)
    .slice(0, MAX_DEPARTMENTS_PER_DM - 1);
  // Nothing to take along: no record needed (nobody has to stand down), and one write fewer per DM.
  if (others.length === 0) return { kind: 'lead', others };
  await db.ladderDm.create({
    data: {
      recipient: lead.to,
      period,
      step,
      departmentIds: [departmentId, ...others.map((p) => p.departmentId)],
      noticeKey: lead.key,
      at: now,
    },
  });
  return { kind: 'lead', others };
}

interface LadderRow {
  src: 'record' | 'notice';
  id: number;
  key: string;
  departmentIds: number[] | null;
  recipient: string;
  payload: unknown;
}

/** The ladder's rung from a notice key "collect:DPW:2026-10:overdue-2:U123": overdue-1 and overdue-2 are different steps. */
const rungOf = (key: string): string => key.split(':')[3] ?? key;

/** The same step and period, due now, for other departments, that would reach the same person. */
async function dueSiblings(
  db: Db,
  lead: { key: string; to: string; payload: CollectionPayload },
  rows: LadderRow[],
  now: Date,
  timezone: string,
): Promise<Sibling[]> {
  if (rows.length === 0) return [];
  const absences = await loadAbsences(db);
  const day = localDateOf(now, timezone);
  const out: Sibling[] = [];
  for (const r of rows) {
    const parsed = collectionPayloadSchema.safeParse(r.payload);
    if (!parsed.success || parsed.data.departmentId === lead.payload.departmentId) continue;
    if (rungOf(r.key) !== rungOf(lead.key)) continue;
    let route: Route = { kind: 'send', to: r.recipient, onBehalfOf: null };
    if (absences.length) {
      const everyone =
        parsed.data.step === 'escalation'
          ? [...(await membersOf(db, parsed.data.departmentId, 'head')), ...(await chairs(db))]
          : await membersOf(db, parsed.data.departmentId, 'liaison');
      route = routeRecipient({
        recipient: r.recipient,
        others: everyone.filter((x) => x !== r.recipient),
        day,
        absences,
      });
    }
    if (route.kind === 'send' && route.to === lead.to) out.push({ ...parsed.data, onBehalfOf: route.onBehalfOf });
  }
  return out;
}
