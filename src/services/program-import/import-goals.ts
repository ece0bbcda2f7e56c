// Priorities, goals and which metric serves which goal, upserted by key in the import's
// transaction. Goals missing from the file are deactivated (their history is the metrics').
// Metrics' flat `priority:`/`goal:` labels become goals of their own, and the import says so.
import { isDeepStrictEqual } from 'node:util';
import { resolveGoals } from '../../domain/goals/resolve-goals.js';
import type { ProgramFile } from '../../domain/program/program-schema.js';
import type { Db } from '../../infra/db-types.js';
import { count, type ImportSummary } from './import-summary.js';

export async function importGoals(db: Db, program: ProgramFile, summary: ImportSummary): Promise<void> {
  const { priorities, migratedMetrics } = resolveGoals(program);
  const metricRows = await db.metric.findMany({
    where: { active: true, department: { active: true } },
    select: { id: true, key: true, department: { select: { key: true } } },
  });
  const metricId = new Map(metricRows.map((m) => [`${m.department.key}.${m.key}`, m.id]));
  const wanted = new Map<number, number>();
  const goalKeys: string[] = [];
  for (const [i, p] of priorities.entries()) {
    const old = await db.strategicPriority.findUnique({ where: { key: p.key } });
    const data = { name: p.name, sortOrder: i, active: true };
    const priority = await db.strategicPriority.upsert({
      where: { key: p.key },
      create: { key: p.key, ...data },
      update: data,
    });
    if (!old) count(summary, 'created', 'priorities');
    else if (!isDeepStrictEqual([old.name, old.sortOrder, old.active], [data.name, i, true]))
      count(summary, 'updated', 'priorities');
    for (const [j, g] of p.goals.entries()) {
      goalKeys.push(g.key);
      const existing = await db.goal.findUnique({ where: { key: g.key } });
      const goalData = {
        priorityId: priority.id,
        statement: g.statement,
        departmentKey: g.departmentKey,
        longTermTarget: g.longTerm?.target ?? null,
        longTermBy: g.longTerm?.by ?? null,
        shortTermTarget: g.shortTerm?.target ?? null,
        shortTermBy: g.shortTerm?.by ?? null,
        fromLabels: g.fromLabels,
        sortOrder: j,
        active: true,
      };
      const goal = await db.goal.upsert({
        where: { key: g.key },
        create: { key: g.key, ...goalData },
        update: goalData,
      });
      if (!existing) count(summary, 'created', 'goals');
      else if (Object.entries(goalData).some(([k, v]) => existing[k as keyof typeof existing] !== v))
        count(summary, 'updated', 'goals');
      for (const ref of g.metrics) {
        const id = metricId.get(`${ref.department}.${ref.metric}`);
        if (id !== undefined) wanted.set(id, goal.id);
      }
    }
  }
  const links = await db.goalMetric.findMany();
  const stale = links.filter((l) => wanted.get(l.metricId) !== l.goalId);
  if (stale.length) await db.goalMetric.deleteMany({ where: { metricId: { in: stale.map((l) => l.metricId) } } });
  const kept = new Set(links.filter((l) => wanted.get(l.metricId) === l.goalId).map((l) => l.metricId));
  const fresh = [...wanted].filter(([m]) => !kept.has(m)).map(([m, goalId]) => ({ metricId: m, goalId }));
  if (fresh.length) await db.goalMetric.createMany({ data: fresh });
  count(summary, 'created', 'goal measures', fresh.length);
  count(summary, 'deactivated', 'goal measures', stale.filter((l) => !wanted.has(l.metricId)).length);
  const goneGoals = await db.goal.updateMany({
    where: { key: { notIn: goalKeys }, active: true },
    data: { active: false },
  });
  count(summary, 'deactivated', 'goals', goneGoals.count);
  const gonePriorities = await db.strategicPriority.updateMany({
    where: { key: { notIn: priorities.map((p) => p.key) }, active: true },
    data: { active: false },
  });
  count(summary, 'deactivated', 'priorities', gonePriorities.count);
  if (migratedMetrics.length) {
    const migrated = priorities.flatMap((p) => p.goals.filter((g) => g.fromLabels));
    summary.goalNotices.push(
      `${migratedMetrics.length} metric${migratedMetrics.length === 1 ? '' : 's'} (${migratedMetrics.join(', ')}) ` +
        `carry priority:/goal: labels that no declared goal lists; they now serve ${migrated.length} goal${migrated.length === 1 ? '' : 's'} ` +
        `made from those labels (${migrated.map((g) => `"${g.statement}"`).join(', ')}). ` +
        'Declare them under priorities: to give each a long- and short-term target, a date and a responsible department.',
    );
  }
}
