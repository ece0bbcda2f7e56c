// `stat program check`: who will receive what, from the file as Slack resolves it, without
// writing anything. Returns data; the CLI words it.
import type { ProgramFile } from '../../domain/program/program-schema.js';
import type { ResolvedPeople } from './resolve-people.js';

export interface CheckedPerson {
  id: string;
  name: string;
  /** The person's own time zone (null: Slack did not say; the program's is used). */
  tz: string | null;
  /** The user group they come from ("@dpw-stat"), or null for the file's own roles. */
  via: string | null;
}

export interface CheckedDepartment {
  key: string;
  name: string;
  liaisons: CheckedPerson[];
  heads: CheckedPerson[];
  signOff: boolean;
}

export interface ProgramCheck {
  timezone: string;
  workingHours: { start: string; end: string };
  sendTime: string;
  departments: CheckedDepartment[];
  chairs: CheckedPerson[];
  admins: CheckedPerson[];
  /** People who serve several departments: one DM per ladder step lists them all. */
  several: { person: CheckedPerson; departments: string[] }[];
}

export function checkRecipients(file: Pick<ProgramFile, 'program' | 'departments'>, r: ResolvedPeople): ProgramCheck {
  const fromFile = (role: string) =>
    r.people.filter((p) => p.roles.includes(role)).map((p) => ({ id: p.slack_id, name: p.name, tz: p.tz, via: null }));
  const fromGroup = (key: string, role: 'liaison' | 'head') =>
    r.groups
      .filter((g) => g.departmentKey === key && g.role === role)
      .flatMap((g) => g.members.map((m) => ({ id: m.id, name: m.name, tz: m.tz, via: g.handle })));
  const unique = (list: CheckedPerson[]) => list.filter((p, i) => list.findIndex((q) => q.id === p.id) === i);
  const departments = file.departments.map((d) => ({
    key: d.key,
    name: d.name,
    liaisons: unique([...fromFile(`liaison:${d.key}`), ...fromGroup(d.key, 'liaison')]),
    heads: unique([...fromFile(`head:${d.key}`), ...fromGroup(d.key, 'head')]),
    signOff: (d.sign_off ?? file.program.sign_off) === 'head',
  }));
  const byPerson = new Map<string, { person: CheckedPerson; departments: string[] }>();
  for (const d of departments)
    for (const p of d.liaisons) {
      const entry = byPerson.get(p.id) ?? { person: p, departments: [] };
      byPerson.set(p.id, { ...entry, departments: [...entry.departments, d.key] });
    }
  return {
    timezone: file.program.timezone,
    workingHours: file.program.working_hours,
    sendTime: file.program.reminders.send_time,
    departments,
    chairs: fromFile('chair'),
    admins: fromFile('admin'),
    several: [...byPerson.values()].filter((e) => e.departments.length > 1),
  };
}
