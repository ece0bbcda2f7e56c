// `stat program check <file>`: resolves the file's emails and user groups against the workspace and
// prints who will receive what. Writes nothing (no database is opened).
import { loadProgramFile } from '../infra/program-file/load-program-file.js';
import { DirectoryError, type WorkspaceDirectory } from '../infra/slack/workspace-directory.js';
import { type CheckedPerson, checkRecipients, type ProgramCheck } from '../services/people/program-check.js';
import { resolveProgramPeople } from '../services/people/resolve-people.js';
import { CliError } from './cli-error.js';

export async function runProgramCheck(file: string, directory: WorkspaceDirectory | null): Promise<number> {
  if (!directory)
    throw new CliError(
      'program check asks Slack who everyone is: set SLACK_BOT_TOKEN (and SLACK_API_URL for a sandbox)',
    );
  const loaded = await loadProgramFile(file);
  if (!loaded.ok) {
    for (const e of loaded.errors) console.error(e);
    return 1;
  }
  if (loaded.value.kind !== 'program') throw new CliError('program check takes the YAML program file');
  const { program, locate } = loaded.value;
  let resolved: Awaited<ReturnType<typeof resolveProgramPeople>>;
  try {
    resolved = await resolveProgramPeople(program, directory);
  } catch (err) {
    if (err instanceof DirectoryError) throw new CliError(err.message);
    throw err;
  }
  if (!resolved.ok) {
    console.error(`${file}: ${resolved.issues.length} problem${resolved.issues.length === 1 ? '' : 's'}:`);
    for (const i of resolved.issues) console.error(`  ${locate?.(i.path) ?? file}: ${i.path.join('.')}: ${i.message}`);
    return 1;
  }
  for (const line of describeCheck(checkRecipients(program, resolved.value))) console.log(line);
  return 0;
}

function who(p: CheckedPerson, programTz: string): string {
  const tz = p.tz && p.tz !== programTz ? `, ${p.tz}` : '';
  return `${p.name} (${p.id}${tz}${p.via ? `, via ${p.via}` : ''})`;
}

export function describeCheck(c: ProgramCheck): string[] {
  const list = (people: CheckedPerson[]) =>
    people.length ? people.map((p) => who(p, c.timezone)).join(', ') : 'nobody';
  const lines = [
    `Program time zone ${c.timezone}; DMs go out ${c.workingHours.start}–${c.workingHours.end} on business days in each person's own time zone (reminders from ${c.sendTime}).`,
  ];
  for (const d of c.departments) {
    lines.push(`${d.key} — ${d.name}${d.signOff ? ' (head signs off)' : ''}`);
    lines.push(`  opening, reminders, due-day and overdue DMs → ${list(d.liaisons)}`);
    lines.push(
      `  escalations${d.signOff ? ' and sign-off requests' : ''} → ${list(d.heads)}${c.chairs.length ? ' and the chairs' : ''}`,
    );
  }
  lines.push(`Chairs (escalations for every department): ${list(c.chairs)}`);
  lines.push(`Admins (delivery problems, empty user groups): ${list(c.admins)}`);
  for (const s of c.several)
    lines.push(`${s.person.name} serves ${s.departments.join(', ')}: one DM per reminder step lists them all.`);
  lines.push('Nothing was written.');
  return lines;
}
