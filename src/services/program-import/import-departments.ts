// Departments, metrics and dated targets, upserted by key. Things missing from the file are
// deactivated, never deleted: their history stays.

import { isDeepStrictEqual } from 'node:util';
import type { MetricSpec, ProgramFile } from '../../domain/program/program-schema.js';
import { resolveStartsWith } from '../../domain/program/starts-with.js';
import { type Db, DbNull } from '../../infra/db-types.js';
import { count, type ImportSummary } from './import-summary.js';

type DepartmentSpec = ProgramFile['departments'][number];

/** `publicByDefault` null: a metric sheet, which has no publishing columns, so they are left as they are. */
function metricData(m: MetricSpec, sortOrder: number, publicByDefault: boolean | null) {
  const publishing =
    publicByDefault === null
      ? {}
      : {
          definition: m.definition,
          methodology: m.methodology,
          dataSource: m.data_source,
          isPublic: m.public ?? publicByDefault,
        };
  return {
    ...publishing,
    name: m.name,
    unit: m.unit,
    description: m.description,
    polarity: m.polarity,
    tolerance: m.tolerance,
    frequency: m.frequency,
    decimals: m.decimals,
    minValue: m.min ?? null,
    maxValue: m.max ?? null,
    ytdAggregation: m.ytd,
    priority: m.priority ?? null,
    goal: m.goal ?? null,
    seasonal: m.seasonal,
    baselineFrom: m.baseline_from ?? null,
    sortOrder,
    active: true,
  };
}

function differs<T extends object>(current: T, next: Partial<T>): boolean {
  return Object.entries(next).some(([k, v]) => current[k as keyof T] !== v);
}

/**
 * A department that was already collecting before starts were recorded (startsWith null) keeps
 * no limit unless the file names one: giving it "the period in progress" would silently drop the
 * month it is collecting now.
 */
function startOf(
  spec: DepartmentSpec,
  existing: { startsWith: string | null } | null,
  start: { program?: string; today: string },
): string | null {
  if (existing && existing.startsWith === null && !spec.starts_with && !start.program) return null;
  return resolveStartsWith({
    department: spec.starts_with,
    program: start.program,
    recorded: existing?.startsWith ?? null,
    today: start.today,
  });
}

export async function importDepartment(
  db: Db,
  spec: DepartmentSpec,
  defaultDueRule: string,
  summary: ImportSummary,
  firstPeriod: string,
  start: { program?: string; today: string },
  /** The program's default for `public`; null for a metric sheet (publishing fields kept as they are). */
  programPublic: boolean | null = false,
) {
  const existing = await db.department.findUnique({ where: { key: spec.key } });
  const data = {
    name: spec.name,
    channelId: spec.channel ?? null,
    dueRule: spec.due_rule ?? defaultDueRule,
    startsWith: startOf(spec, existing, start),
    active: true,
  };
  const dept = existing ?? (await db.department.create({ data: { key: spec.key, ...data } }));
  if (!existing) count(summary, 'created', 'departments');
  else if (differs(existing, data)) {
    await db.department.update({ where: { id: existing.id }, data });
    count(summary, 'updated', 'departments');
  }
  const metrics = await db.metric.findMany({ where: { departmentId: dept.id }, include: { targets: true } });
  for (const [i, m] of spec.metrics.entries()) {
    const current = metrics.find((x) => x.key === m.key);
    const next = metricData(m, i, programPublic === null ? null : (spec.public ?? programPublic));
    // A source is JSON: compared deeply (jsonb reorders keys), and "none" is SQL NULL.
    const source = m.source ?? null;
    const sourceData = { source: source ?? DbNull };
    const metric =
      current ?? (await db.metric.create({ data: { departmentId: dept.id, key: m.key, ...next, ...sourceData } }));
    if (!current) count(summary, 'created', 'metrics');
    else if (differs(current, next) || !isDeepStrictEqual(current.source ?? null, source)) {
      await db.metric.update({ where: { id: current.id }, data: { ...next, ...sourceData } });
      count(summary, 'updated', 'metrics');
    }
    const targets = m.targets ?? (m.target !== undefined ? [{ from: firstPeriod, value: m.target }] : []);
    for (const t of targets) {
      const old = current?.targets.find((x) => x.effectiveFrom === t.from);
      if (old?.value === t.value) continue;
      await db.metricTarget.upsert({
        where: { metricId_effectiveFrom: { metricId: metric.id, effectiveFrom: t.from } },
        create: { metricId: metric.id, effectiveFrom: t.from, value: t.value },
        update: { value: t.value },
      });
      count(summary, old ? 'updated' : 'created', 'targets');
    }
  }
  const gone = metrics.filter((x) => x.active && !spec.metrics.some((m) => m.key === x.key));
  if (gone.length) {
    await db.metric.updateMany({ where: { id: { in: gone.map((g) => g.id) } }, data: { active: false } });
    count(summary, 'deactivated', 'metrics', gone.length);
  }
  return dept;
}
