// `stat program import <file>`: validate, then import in one transaction, then say what changed.
import { parseDatabaseConfig } from '../config.js';
import { openDatabase } from '../infra/db/client.js';
import { loadProgramFile } from '../infra/program-file/load-program-file.js';
import { HistoryReferenceError } from '../services/program-import/import-history.js';
import { importProgram, ProgramImportError } from '../services/program-import/import-program.js';
import { describeSummary } from '../services/program-import/import-summary.js';
import { describeCollectionStart, describePacketsBeforeDue } from '../views/program-import-report.js';

export async function runProgramImport(file: string, env: Record<string, string | undefined>): Promise<number> {
  const loaded = await loadProgramFile(file);
  if (!loaded.ok) {
    console.error(
      `${file}: ${loaded.errors.length} problem${loaded.errors.length === 1 ? '' : 's'}, nothing was imported:`,
    );
    for (const e of loaded.errors) console.error(`  ${e}`);
    return 1;
  }
  const db = await openDatabase(parseDatabaseConfig(env));
  try {
    const summary = await importProgram(db.prisma, loaded.value, { actor: 'cli', now: new Date() });
    console.log(`Imported ${file}: ${describeSummary(summary)}`);
    const start = describeCollectionStart(summary);
    if (start) console.log(start);
    for (const warning of describePacketsBeforeDue(summary)) console.warn(warning);
    return 0;
  } catch (err) {
    if (err instanceof ProgramImportError || err instanceof HistoryReferenceError) {
      console.error(`${file}: ${err.message}; nothing was imported.`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}
