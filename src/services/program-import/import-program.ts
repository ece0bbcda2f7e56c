// Imports a whole program file in ONE transaction: a file with a bad reference leaves the
// database exactly as it was. Re-importing the same file changes nothing.
import { isDeepStrictEqual } from 'node:util';
import { localDateOf } from '../../domain/calendar/index.js';
import type { MetricRow } from '../../domain/program/csv-rows.js';
import type { ProgramFile } from '../../domain/program/program-schema.js';
import type { PrismaClient } from '../../infra/db-types.js';
import type { LoadedProgram } from '../../infra/program-file/load-program-file.js';
import { type ResolvedPeople, resolveProgramPeople } from '../people/resolve-people.js';
import { programSettingsFromFile } from '../program-settings.js';
import { importDepartment } from './import-departments.js';
import { importGoals } from './import-goals.js';
import { importDepartmentGroups } from './import-groups.js';
import { importHistory } from './import-history.js';
import { importMeetingSeries } from './import-meetings.js';
import { importPeople } from './import-people.js';
import { count, emptySummary, type ImportSummary } from './import-summary.js';
import { checkProgramTiming } from './import-timing.js';

/** A metric's single `target:` applies to every period, so it is dated before any plausible history. */
const SINGLE_TARGET_FROM = '2000-01';

export class ProgramImportError extends Error {}

export async function importProgram(
  prisma: PrismaClient,
  loaded: LoadedProgram,
  opts: {
    actor: string;
    now: Date;
    /** The file's people and groups as Slack resolved them; omitted, every person needs a slack_id. */
    people?: ResolvedPeople;
  },
): Promise<ImportSummary> {
  const summary = emptySummary();
  const resolved = loaded.kind === 'program' ? (opts.people ?? (await peopleFromFileAlone(loaded.program))) : null;
  await prisma.$transaction(
    async (db) => {
      if (loaded.kind === 'metric_sheet') {
        const program = await db.program.findUnique({ where: { id: 1 } });
        if (!program)
          throw new ProgramImportError(
            'a metric sheet updates an existing program: import the YAML program file first',
          );
        const today = localDateOf(opts.now, program.timezone);
        for (const dept of departmentsFromSheet(loaded.rows))
          await importDepartment(
            db,
            { ...dept, channel: undefined },
            defaultDueRule(program.settings),
            summary,
            SINGLE_TARGET_FROM,
            { today },
            null,
          );
        await checkProgramTiming(db, opts.now, summary);
        return;
      }
      const p = loaded.program;
      const settings = programSettingsFromFile(p);
      const data = {
        name: p.program.name,
        timezone: p.program.timezone,
        workdayStart: p.program.working_hours.start,
        workdayEnd: p.program.working_hours.end,
        holidays: p.program.holidays,
        settings,
      };
      const existing = await db.program.findUnique({ where: { id: 1 } });
      if (!existing) count(summary, 'created', 'program');
      // Deep comparison: PostgreSQL's jsonb reorders object keys, so JSON text would differ.
      else if (
        !isDeepStrictEqual(
          [
            existing.name,
            existing.timezone,
            existing.workdayStart,
            existing.workdayEnd,
            existing.holidays,
            existing.settings,
          ],
          [data.name, data.timezone, data.workdayStart, data.workdayEnd, data.holidays, data.settings],
        )
      )
        count(summary, 'updated', 'program');
      await db.program.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
      const ids = new Map<string, number>();
      const start = { program: p.program.starts_with, today: localDateOf(opts.now, p.program.timezone) };
      for (const d of p.departments)
        ids.set(
          d.key,
          (await importDepartment(db, d, p.program.due_rule, summary, SINGLE_TARGET_FROM, start, p.program.public)).id,
        );
      const gone = await db.department.updateMany({
        where: { key: { notIn: [...ids.keys()] }, active: true },
        data: { active: false },
      });
      count(summary, 'deactivated', 'departments', gone.count);
      await importPeople(db, resolved!.people, ids, summary);
      await importDepartmentGroups(db, p, resolved!.groups, ids, summary);
      await importMeetingSeries(db, p.meetings, summary);
      await importGoals(db, p, summary);
      await importHistory(db, loaded.history, opts.actor, opts.now, summary);
      await checkProgramTiming(db, opts.now, summary);
      await db.auditEvent.create({
        data: {
          actor: opts.actor,
          action: 'program.import',
          detail: JSON.parse(JSON.stringify(summary)),
          at: opts.now,
        },
      });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return summary;
}

/** Without Slack to ask, a file must name everyone by Slack id and use no groups. */
async function peopleFromFileAlone(program: ProgramFile): Promise<ResolvedPeople> {
  const r = await resolveProgramPeople(program, null);
  if (!r.ok) throw new ProgramImportError(r.issues.map((i) => i.message).join('; '));
  return r.value;
}

function defaultDueRule(settings: unknown): string {
  const rule = (settings as { dueRule?: unknown }).dueRule;
  return typeof rule === 'string' ? rule : '5 business days after period end';
}

function departmentsFromSheet(rows: MetricRow[]): ProgramFile['departments'] {
  const byKey = new Map<string, ProgramFile['departments'][number]>();
  for (const r of rows) {
    const dept = byKey.get(r.department) ?? { key: r.department, name: r.department_name, metrics: [] };
    byKey.set(r.department, dept);
    dept.metrics.push({
      key: r.metric,
      name: r.name,
      unit: r.unit,
      description: '',
      polarity: r.polarity,
      target: r.target,
      tolerance: r.tolerance ?? 0,
      frequency: r.frequency ?? 'monthly',
      decimals: r.decimals ?? 0,
      min: r.min,
      max: r.max,
      ytd: r.ytd ?? 'mean',
      priority: r.priority,
      goal: r.goal,
      seasonal: r.seasonal ?? false,
      baseline_from: r.baseline_from,
      definition: '',
      methodology: '',
      data_source: '',
      public: undefined,
    });
  }
  return [...byKey.values()];
}
