// `npm run stat -- <command>`: the operator's tool. Every failure is one line and a non-zero exit.
import { parseArgs } from 'node:util';
import { createSlackClient } from '../app/slack-client.js';
import {
  type Config,
  parseConfig,
  parseDatabaseConfig,
  parsePublishingConfig,
  parseSlackLookupConfig,
} from '../config.js';
import { DatabaseUnavailableError } from '../infra/db-errors.js';
import { createLogger } from '../infra/logger.js';
import { slackWorkspaceDirectory, type WorkspaceDirectory } from '../infra/slack/workspace-directory.js';
import { runBackup, runDbCopy, runRestore } from './backup.js';
import { CliError } from './cli-error.js';
import { runDbMigrate } from './db-migrate.js';
import { runExport } from './export.js';
import { runProgramCheck } from './program-check.js';
import { runProgramImport } from './program-import.js';
import { runPublish } from './publish.js';
import { runDueOnce } from './run-due.js';
import { runSourceCommand } from './source.js';

const USAGE = `Usage: npm run stat -- <command>
  program import <file.yaml|file.csv>   load or update the program (idempotent; one transaction)
  program check <file.yaml>             resolve emails and user groups in Slack; print who receives what (writes nothing)
  db migrate                            apply pending database migrations
  run-due [--now <ISO-8601>]            run every scheduled job due up to that instant, then exit
  export [--out <dir>]                  write values.csv and followups.csv (default ./export)
  backup [--out <file>]                 a consistent backup of the whole database (default: into BACKUP_DIR)
  restore <file> [--to <dir|url>]       restore a backup into an EMPTY database (default: the configured one)
  db copy --to <postgres-url>           move the embedded database to a PostgreSQL server, verified
  publish [--out <dir>]                 publish public results: <dir>/open-data and <dir>/site (default $PUBLISH_DIR or ./published)
  source test <DEPT>.<metric> [--period 2026-10]   show what a metric's source returns (stores nothing)
  source pull [--period 2026-10] [--department DPW] re-pull sources and store (idempotent)`;

/** Every setting `npm start` reads, parsed the same way: for commands that talk to Slack. */
function fullConfig(command: string): Config {
  const parsed = parseConfig(process.env);
  if (!parsed.ok)
    throw new CliError(`${command} needs the same settings as npm start:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.config;
}

/** The database settings alone (same schema as npm start's), for commands that never talk to Slack. */
function databaseConfig(): Pick<Config, 'database' | 'log' | 'backup' | 'sources' | 'programFile'> {
  const parsed = parseDatabaseConfig(process.env);
  if (!parsed.ok) throw new CliError(`fix these settings:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.config;
}

/** Slack lookups (emails, user groups) when SLACK_BOT_TOKEN is set; null otherwise. */
function slackDirectory(): WorkspaceDirectory | null {
  const parsed = parseSlackLookupConfig(process.env);
  if (!parsed.ok) throw new CliError(parsed.errors.join('; '));
  if (!parsed.config) return null;
  return slackWorkspaceDirectory(createSlackClient(parsed.config, createLogger(databaseConfig().log)));
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      now: { type: 'string' },
      out: { type: 'string' },
      to: { type: 'string' },
      period: { type: 'string' },
      department: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd, sub, arg] = positionals;
  if (values.help || !cmd) {
    console.log(USAGE);
    return 0;
  }
  if (cmd === 'program' && sub === 'import') {
    if (!arg) throw new CliError('program import needs a file: npm run stat -- program import examples/riverton.yaml');
    return runProgramImport(arg, databaseConfig(), slackDirectory());
  }
  if (cmd === 'program' && sub === 'check') {
    if (!arg) throw new CliError('program check needs a file: npm run stat -- program check examples/riverton.yaml');
    return runProgramCheck(arg, slackDirectory());
  }
  if (cmd === 'db' && sub === 'migrate') return runDbMigrate(databaseConfig());
  if (cmd === 'db' && sub === 'copy') return runDbCopy(values.to, databaseConfig());
  if (cmd === 'backup') return runBackup(values.out, databaseConfig());
  if (cmd === 'restore') {
    if (!sub)
      throw new CliError('restore needs a backup file: npm run stat -- restore <file> [--to <folder|postgres-url>]');
    return runRestore(sub, values.to, databaseConfig());
  }
  if (cmd === 'run-due') {
    const now = values.now ? new Date(values.now) : new Date();
    if (Number.isNaN(now.getTime()))
      throw new CliError(`--now "${values.now}" is not an ISO-8601 instant such as 2026-11-09T15:00:00Z`);
    return runDueOnce(now, fullConfig('run-due'));
  }
  if (cmd === 'publish') {
    const publishing = parsePublishingConfig(process.env);
    if (!publishing.ok) throw new CliError(`fix these settings:\n  ${publishing.errors.join('\n  ')}`);
    const out = values.out ?? publishing.config.dir ?? './published';
    return runPublish(out, { ...databaseConfig(), publishing: publishing.config }, new Date());
  }
  if (cmd === 'source')
    return runSourceCommand(
      sub,
      arg,
      { period: values.period, department: values.department, now: new Date() },
      databaseConfig(),
    );
  if (cmd === 'export') return runExport(values.out ?? './export', databaseConfig());
  throw new CliError(`unknown command "${positionals.join(' ')}"\n${USAGE}`);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DatabaseUnavailableError) console.error(`error: ${err.userMessage}`);
    else if (err instanceof CliError) console.error(`error: ${err.message}`);
    else if (err instanceof TypeError && /Unknown option|Unexpected argument/.test(err.message))
      console.error(`error: ${err.message}\n${USAGE}`);
    else console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
