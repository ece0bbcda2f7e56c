// The program's goals as one structure: the priorities and goals the file declares, plus the
// flat `priority:`/`goal:` labels of metrics that no declared goal lists, migrated into goals of
// their own (one goal per label pair, under the priority of that name). Pure: checks and resolution.
import type { ProgramFile } from '../program/program-schema.js';

export interface ResolvedGoal {
  key: string;
  statement: string;
  departmentKey: string | null;
  longTerm: { target: string; by: string } | null;
  shortTerm: { target: string; by: string } | null;
  metrics: { department: string; metric: string }[];
  /** Made from metrics' `priority:`/`goal:` labels rather than declared. */
  fromLabels: boolean;
}

export interface ResolvedPriority {
  key: string;
  name: string;
  goals: ResolvedGoal[];
}

export interface GoalIssue {
  path: (string | number)[];
  message: string;
}

type GoalInput = Pick<ProgramFile, 'priorities' | 'departments'>;

/** Label-only metrics without a priority land here. */
export const UNLABELLED_PRIORITY = 'Other goals';

/** "Responsive services" → "responsive-services" (a stable key for a migrated label). */
export function slugOf(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 36);
  return /^[a-z]/.test(slug) ? slug : `g-${slug}`.slice(0, 36);
}

function unique(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base.slice(0, 36)}-${n}`;
  taken.add(key);
  return key;
}

export function checkGoals(program: GoalInput): GoalIssue[] {
  const issues: GoalIssue[] = [];
  const metrics = new Set(program.departments.flatMap((d) => d.metrics.map((m) => `${d.key}.${m.key}`)));
  const departments = new Set(program.departments.map((d) => d.key));
  const priorityKeys = new Set<string>();
  const goalKeys = new Set<string>();
  const servedBy = new Map<string, string>();
  program.priorities.forEach((p, i) => {
    if (priorityKeys.has(p.key))
      issues.push({ path: ['priorities', i, 'key'], message: `duplicate priority "${p.key}"` });
    priorityKeys.add(p.key);
    p.goals.forEach((g, j) => {
      const at = ['priorities', i, 'goals', j];
      if (goalKeys.has(g.key)) issues.push({ path: [...at, 'key'], message: `duplicate goal "${g.key}"` });
      goalKeys.add(g.key);
      if (g.department && !departments.has(g.department))
        issues.push({ path: [...at, 'department'], message: `unknown department "${g.department}"` });
      g.metrics.forEach((ref, k) => {
        if (!metrics.has(ref)) issues.push({ path: [...at, 'metrics', k], message: `unknown metric "${ref}"` });
        const other = servedBy.get(ref);
        if (other !== undefined)
          issues.push({
            path: [...at, 'metrics', k],
            message: `${ref} already serves goal "${other}": a metric serves one goal`,
          });
        servedBy.set(ref, g.key);
      });
    });
  });
  return issues;
}

/** Declared goals first, in file order; then one migrated goal per (priority, goal) label pair. */
export function resolveGoals(program: GoalInput): { priorities: ResolvedPriority[]; migratedMetrics: string[] } {
  const priorities: ResolvedPriority[] = program.priorities.map((p) => ({
    key: p.key,
    name: p.name,
    goals: p.goals.map((g) => ({
      key: g.key,
      statement: g.statement,
      departmentKey: g.department ?? null,
      longTerm: g.long_term ?? null,
      shortTerm: g.short_term ?? null,
      metrics: g.metrics.map((ref) => {
        const [department = '', metric = ''] = ref.split('.');
        return { department, metric };
      }),
      fromLabels: false,
    })),
  }));
  const listed = new Set(
    priorities.flatMap((p) => p.goals.flatMap((g) => g.metrics.map((m) => `${m.department}.${m.metric}`))),
  );
  const priorityKeys = new Set(priorities.map((p) => p.key));
  const goalKeys = new Set(priorities.flatMap((p) => p.goals.map((g) => g.key)));
  const migratedMetrics: string[] = [];
  for (const d of program.departments)
    for (const m of d.metrics) {
      if (!m.priority && !m.goal) continue;
      if (listed.has(`${d.key}.${m.key}`)) continue;
      const priorityName = m.priority ?? UNLABELLED_PRIORITY;
      let priority = priorities.find((p) => p.name.toLowerCase() === priorityName.toLowerCase());
      if (!priority) {
        priority = { key: unique(slugOf(priorityName), priorityKeys), name: priorityName, goals: [] };
        priorities.push(priority);
      }
      // A priority label without a goal: the priority's own measures, one goal named after it.
      const statement = m.goal ?? priorityName;
      let goal = priority.goals.find((g) => g.fromLabels && g.statement.toLowerCase() === statement.toLowerCase());
      if (!goal) {
        goal = {
          key: unique(slugOf(statement), goalKeys),
          statement,
          departmentKey: d.key,
          longTerm: null,
          shortTerm: null,
          metrics: [],
          fromLabels: true,
        };
        priority.goals.push(goal);
      }
      // A migrated goal spanning departments has no single responsible department.
      if (goal.departmentKey !== d.key) goal.departmentKey = goal.metrics.length ? null : d.key;
      goal.metrics.push({ department: d.key, metric: m.key });
      migratedMetrics.push(`${d.key}.${m.key}`);
    }
  return { priorities, migratedMetrics };
}
