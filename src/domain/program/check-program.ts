// Cross-reference checks that a per-field schema cannot express: duplicates, unknown departments,
// a timezone that does not exist. Each problem carries the path of the field at fault.
import { IANAZone } from 'luxon';
import { parseDueRule } from '../calendar/index.js';
import { checkGoals } from '../goals/resolve-goals.js';
import { parseRecurrence } from '../meetings/recurrence.js';
import type { ProgramFile } from './program-schema.js';

export interface ProgramIssue {
  path: (string | number)[];
  message: string;
}

export function checkProgram(program: ProgramFile): ProgramIssue[] {
  const issues: ProgramIssue[] = [];
  if (!IANAZone.isValidZone(program.program.timezone)) {
    issues.push({
      path: ['program', 'timezone'],
      message: `"${program.program.timezone}" is not a timezone; use an IANA name such as America/New_York`,
    });
  }
  const { start, end } = program.program.working_hours;
  if (start >= end)
    issues.push({
      path: ['program', 'working_hours'],
      message: `working hours start (${start}) must be before they end (${end})`,
    });

  const dueRuleProblem = (text: string | undefined, path: ProgramIssue['path']) => {
    const rule = text === undefined ? null : parseDueRule(text);
    if (rule && !rule.ok) issues.push({ path, message: rule.message });
  };
  dueRuleProblem(program.program.due_rule, ['program', 'due_rule']);

  const departmentKeys = new Set<string>();
  program.departments.forEach((d, i) => {
    dueRuleProblem(d.due_rule, ['departments', i, 'due_rule']);
    if (departmentKeys.has(d.key))
      issues.push({ path: ['departments', i, 'key'], message: `duplicate department key "${d.key}"` });
    departmentKeys.add(d.key);
    const metricKeys = new Set<string>();
    const metricNames = new Set<string>();
    d.metrics.forEach((m, j) => {
      const at = ['departments', i, 'metrics', j];
      if (metricKeys.has(m.key))
        issues.push({ path: [...at, 'key'], message: `duplicate metric key "${m.key}" in ${d.key}` });
      if (metricNames.has(m.name.toLowerCase()))
        issues.push({ path: [...at, 'name'], message: `duplicate metric name "${m.name}" in ${d.key}` });
      metricKeys.add(m.key);
      metricNames.add(m.name.toLowerCase());
      if (m.polarity === 'within_band' && m.tolerance === 0) {
        issues.push({
          path: [...at, 'tolerance'],
          message: 'a within_band metric needs a tolerance above 0 (the half-width of its band)',
        });
      }
    });
  });

  const people = new Set<string>();
  program.people.forEach((p, i) => {
    for (const [field, id] of [
      ['slack_id', p.slack_id],
      ['email', p.email?.toLowerCase()],
    ] as const) {
      if (id === undefined) continue;
      if (people.has(id)) issues.push({ path: ['people', i, field], message: `duplicate person ${id}` });
      people.add(id);
    }
    p.roles.forEach((role, j) => {
      const dept = role.split(':')[1];
      if (dept && !departmentKeys.has(dept))
        issues.push({ path: ['people', i, 'roles', j], message: `unknown department "${dept}"` });
    });
  });

  program.meetings.forEach((s, i) => {
    const recurrence = parseRecurrence(s.recurrence);
    if (!recurrence.ok) issues.push({ path: ['meetings', i, 'recurrence'], message: recurrence.message });
    for (const [j, group] of s.rotation.entries()) {
      for (const [k, dept] of group.entries()) {
        if (!departmentKeys.has(dept))
          issues.push({ path: ['meetings', i, 'rotation', j, k], message: `unknown department "${dept}"` });
      }
    }
  });
  issues.push(...checkGoals(program));
  return issues;
}
