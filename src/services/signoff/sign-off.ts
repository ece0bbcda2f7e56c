// The head's sign-off (`sign_off: head`): once a liaison has saved a complete set of numbers, the
// department's head (or their delegate while away) approves them, or returns them with a note to
// the liaisons, who revise and save again. Until approved the packet marks the numbers "awaiting
// sign-off"; the lock records who approved and when (DepartmentPeriod.signedOffBy/At).
import { formatPeriodLabel, localDateOf } from '../../domain/calendar/index.js';
import { routeRecipient } from '../../domain/people/away.js';
import type { Db } from '../../infra/db-types.js';
import type { SignOffRequestContent } from '../../views/sign-off-message.js';
import { loadActor, membersOf } from '../actors.js';
import { loadAbsences } from '../people/absences.js';
import { loadProgramSettings } from '../program-settings.js';

/** What the head's DM shows (the view's content), and who gets it. */
export interface SignOffRequest extends SignOffRequestContent {
  /** Who gets the DM (heads, or the delegate of an away head) and for whom. */
  to: { userId: string; onBehalfOf: string | null }[];
}

/**
 * After a save: a department that needs sign-off and whose numbers are complete goes (back) to
 * "pending", and the heads are to be asked. Null when no sign-off is needed.
 */
export async function requestSignOff(
  db: Db,
  departmentId: number,
  period: string,
  userId: string,
  now: Date,
  /** The save changed values already entered (a pending or approved sign-off is asked again). */
  revised: boolean,
): Promise<SignOffRequest | null> {
  const obligation = await db.departmentPeriod.findUnique({
    where: { departmentId_period: { departmentId, period } },
    include: { department: true },
  });
  if (!obligation?.department.signOff || !obligation.submittedAt || obligation.lockedAt) return null;
  const asked = obligation.signOffStatus === 'pending' || obligation.signOffStatus === 'approved';
  if (asked && !revised) return null;
  await db.departmentPeriod.update({
    where: { id: obligation.id },
    data: { signOffStatus: 'pending', signedOffBy: null, signedOffAt: null, signOffNote: null },
  });
  const values = await db.metricValue.findMany({
    where: { period, metric: { departmentId, active: true } },
    include: { metric: true },
    orderBy: { metric: { sortOrder: 'asc' } },
  });
  const heads = await membersOf(db, departmentId, 'head');
  const { calendar } = await loadProgramSettings(db);
  const day = localDateOf(now, calendar.timezone);
  const absences = await loadAbsences(db);
  const to: SignOffRequest['to'] = [];
  for (const head of heads) {
    const r = routeRecipient({ recipient: head, others: heads.filter((h) => h !== head), day, absences });
    if (r.kind === 'send' && !to.some((t) => t.userId === r.to)) to.push({ userId: r.to, onBehalfOf: r.onBehalfOf });
  }
  return {
    departmentId,
    departmentName: obligation.department.name,
    period,
    periodLabel: formatPeriodLabel(period),
    submittedBy: userId,
    lines: values.map((v) => ({
      name: v.metric.name,
      value: v.value,
      unit: v.metric.unit,
      decimals: v.metric.decimals,
      notAvailable: v.notAvailable,
      note: v.note,
    })),
    to,
  };
}

export type SignOffOutcome =
  | { kind: 'approved'; departmentName: string; periodLabel: string }
  | { kind: 'returned'; departmentName: string; periodLabel: string; liaisons: string[] }
  | { kind: 'not_allowed' }
  | { kind: 'not_pending'; status: string | null }
  | { kind: 'locked' };

/** A head (or an away head's delegate, or an admin) approves or returns a department's numbers. */
export async function decideSignOff(
  db: Db,
  input: {
    departmentId: number;
    period: string;
    userId: string;
    decision: 'approve' | 'return';
    note: string;
    now: Date;
  },
): Promise<SignOffOutcome> {
  const { departmentId, period, userId, now } = input;
  const obligation = await db.departmentPeriod.findUnique({
    where: { departmentId_period: { departmentId, period } },
    include: { department: true },
  });
  if (!obligation) return { kind: 'not_pending', status: null };
  if (!(await maySignOff(db, departmentId, userId, now))) return { kind: 'not_allowed' };
  if (obligation.lockedAt) return { kind: 'locked' };
  if (obligation.signOffStatus !== 'pending') return { kind: 'not_pending', status: obligation.signOffStatus };
  const periodLabel = formatPeriodLabel(period);
  const departmentName = obligation.department.name;
  if (input.decision === 'approve') {
    await db.departmentPeriod.update({
      where: { id: obligation.id },
      data: { signOffStatus: 'approved', signedOffBy: userId, signedOffAt: now },
    });
    return { kind: 'approved', departmentName, periodLabel };
  }
  // Returned: the numbers are no longer "submitted" until the liaisons save them again.
  await db.departmentPeriod.update({
    where: { id: obligation.id },
    data: { signOffStatus: 'returned', signOffNote: input.note, submittedAt: null, submittedBy: null },
  });
  await db.auditEvent.create({
    data: { actor: userId, action: 'signoff.return', detail: { departmentId, period, note: input.note }, at: now },
  });
  return { kind: 'returned', departmentName, periodLabel, liaisons: await membersOf(db, departmentId, 'liaison') };
}

async function maySignOff(db: Db, departmentId: number, userId: string, now: Date): Promise<boolean> {
  const actor = await loadActor(db, userId);
  if (actor.isAdmin || actor.headOf.includes(departmentId)) return true;
  // The delegate of a head who is away today.
  const heads = await membersOf(db, departmentId, 'head');
  const { calendar } = await loadProgramSettings(db);
  const day = localDateOf(now, calendar.timezone);
  return (await loadAbsences(db, heads)).some((a) => a.delegate === userId && a.startDate <= day && day <= a.endDate);
}
