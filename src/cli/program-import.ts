// `stat program import <file>`: validate, then import in one transaction, then say what changed.
// `npm start` runs the same import first when PROGRAM_FILE is set.
import type { Config } from '../config.js';
import { openDatabase } from '../infra/db/client.js';
import type { PrismaClient } from '../infra/db-types.js';
import { loadProgramFile } from '../infra/program-file/load-program-file.js';
import { DirectoryError, type WorkspaceDirectory } from '../infra/slack/workspace-directory.js';
import { type ResolvedPeople, resolveProgramPeople } from '../services/people/resolve-people.js';
import { HistoryReferenceError } from '../services/program-import/import-history.js';
import { importProgram, ProgramImportError } from '../services/program-import/import-program.js';
import { describeSummary } from '../services/program-import/import-summary.js';
import { describeCollectionStart, describePacketsBeforeDue } from '../views/program-import-report.js';

export interface FileImportOutcome {
  ok: boolean;
  /** What to tell the admin: the summary and where collection starts (ok), or every problem found. */
  lines: string[];
  /** Things worth acting on even though the import succeeded. */
  warnings: string[];
}

const problems = (file: string, errors: string[]): FileImportOutcome => ({
  ok: false,
  lines: [
    `${file}: ${errors.length} problem${errors.length === 1 ? '' : 's'}, nothing was imported:`,
    ...errors.map((e) => `  ${e}`),
  ],
  warnings: [],
});

/**
 * `directory` looks people up in Slack (emails, user groups, time zones); null when no bot token
 * is set, and then every person needs a slack_id.
 */
export async function importProgramFile(
  prisma: PrismaClient,
  file: string,
  opts: { actor: string; now: Date },
  directory: WorkspaceDirectory | null = null,
): Promise<FileImportOutcome> {
  const loaded = await loadProgramFile(file);
  if (!loaded.ok) return problems(file, loaded.errors);
  try {
    let people: ResolvedPeople | undefined;
    if (loaded.value.kind === 'program') {
      const { program, locate } = loaded.value;
      const resolved = await resolveProgramPeople(program, directory);
      if (!resolved.ok)
        return problems(
          file,
          resolved.issues.map((i) => `${locate?.(i.path) ?? file}: ${i.path.join('.')}: ${i.message}`),
        );
      people = resolved.value;
    }
    const summary = await importProgram(prisma, loaded.value, { ...opts, ...(people ? { people } : {}) });
    const start = describeCollectionStart(summary);
    return {
      ok: true,
      lines: [`Imported ${file}: ${describeSummary(summary)}`, ...(start ? [start] : [])],
      warnings: [...describePacketsBeforeDue(summary), ...summary.goalNotices],
    };
  } catch (err) {
    if (err instanceof ProgramImportError || err instanceof HistoryReferenceError || err instanceof DirectoryError)
      return { ok: false, lines: [`${file}: ${err.message}; nothing was imported.`], warnings: [] };
    throw err;
  }
}

export async function runProgramImport(
  file: string,
  config: Pick<Config, 'database'>,
  directory: WorkspaceDirectory | null = null,
): Promise<number> {
  const loaded = await loadProgramFile(file);
  if (!loaded.ok) {
    console.error(
      `${file}: ${loaded.errors.length} problem${loaded.errors.length === 1 ? '' : 's'}, nothing was imported:`,
    );
    for (const e of loaded.errors) console.error(`  ${e}`);
    return 1;
  }
  const db = await openDatabase(config.database);
  try {
    const outcome = await importProgramFile(db.prisma, file, { actor: 'cli', now: new Date() }, directory);
    for (const line of outcome.lines) (outcome.ok ? console.log : console.error)(line);
    for (const warning of outcome.warnings) console.warn(warning);
    return outcome.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}
