// CSV exports for analysts and auditors: every metric value (with its target and status as of
// its own period) and every follow-up with its full history. csv-stringify handles quoting,
// embedded newlines and commas in notes.
import { stringify } from 'csv-stringify/sync';
import { targetFor } from '../../domain/targets.js';
import { classifyStatus } from '../../domain/variance.js';
import type { Db } from '../../infra/db-types.js';
import { ruleOf } from '../collection/metric-context.js';

export async function exportValuesCsv(db: Db): Promise<string> {
  const metrics = await db.metric.findMany({
    include: { department: true, targets: true, values: { orderBy: { period: 'asc' } } },
    orderBy: [{ departmentId: 'asc' }, { sortOrder: 'asc' }],
  });
  const rows = metrics.flatMap((m) =>
    m.values.map((v) => {
      const target = targetFor(m.targets, v.period);
      return [
        m.department.key,
        m.department.name,
        m.key,
        m.name,
        m.unit,
        m.polarity,
        v.period,
        v.value ?? '',
        v.notAvailable ? 'yes' : 'no',
        target ?? '',
        v.notAvailable ? 'no_data' : classifyStatus(v.value, target, ruleOf(m)),
        v.note ?? '',
        v.revision,
        v.submittedBy,
        v.submittedAt.toISOString(),
      ];
    }),
  );
  return stringify([
    [
      'department',
      'department_name',
      'metric',
      'metric_name',
      'unit',
      'polarity',
      'period',
      'value',
      'not_available',
      'target',
      'status',
      'note',
      'revision',
      'submitted_by',
      'submitted_at',
    ],
    ...rows,
  ]);
}

export async function exportFollowUpsCsv(db: Db): Promise<string> {
  const followUps = await db.followUp.findMany({
    include: { department: true, metric: true, updates: { orderBy: { id: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  const rows = followUps.flatMap((f) =>
    f.updates.map((u) => [
      f.id,
      f.department.key,
      f.metric?.key ?? '',
      f.text,
      f.ownerUserId,
      f.dueDate,
      f.status,
      f.meetingId ?? '',
      u.kind,
      u.note,
      u.proposedDueDate ?? '',
      u.authorUserId,
      u.createdAt.toISOString(),
    ]),
  );
  return stringify([
    [
      'followup_id',
      'department',
      'metric',
      'text',
      'owner',
      'due_date',
      'status',
      'meeting_id',
      'update_kind',
      'update_note',
      'proposed_due_date',
      'update_author',
      'update_at',
    ],
    ...rows,
  ]);
}
