// The one place that reads the settings. The entry points (src/main.ts, src/cli/main.ts) hand it
// process.env; everything else receives a typed Config (a lint rule, lint/env-only-in-config.grit,
// keeps process.env out of the rest of src/).
import { z } from 'zod';

const MANIFEST_HINT =
  'create the app from manifest.json at https://api.slack.com/apps (see README, "Connect to a real workspace")';

const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({
      error: `SLACK_BOT_TOKEN is missing: the Bot User OAuth Token (xoxb-…) from OAuth & Permissions; ${MANIFEST_HINT}`,
    })
    .regex(/^xoxb-/, 'SLACK_BOT_TOKEN must start with "xoxb-" (the Bot User OAuth Token, not a user or app token)'),
  SLACK_APP_TOKEN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(
        /^xapp-/,
        'SLACK_APP_TOKEN must start with "xapp-" (an app-level token with connections:write, from Basic Information)',
      )
      .optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url({ error: 'SLACK_API_URL must be a URL such as http://127.0.0.1:3001/api/' }).optional(),
  ),
  PORT: z.coerce.number({ error: 'PORT must be a number' }).int().min(0).max(65535).default(3000),
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'DATABASE_URL must start with postgres:// (leave it unset to use the embedded database)',
      )
      .optional(),
  ),
  DATA_DIR: z.string().default('./data'),
  PROGRAM_FILE: optionalText,
  CHART_RENDERER: z
    .enum(['local', 'quickchart'], { error: 'CHART_RENDERER must be "local" or "quickchart"' })
    .default('local'),
  QUICKCHART_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url({ error: 'QUICKCHART_URL must be a URL such as https://quickchart.example.gov' }).optional(),
  ),
  PUBLISH_DIR: optionalText,
  PUBLIC_BASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url({ error: 'PUBLIC_BASE_URL must be a URL such as https://data.riverton.gov/stat/' }).optional(),
  ),
  SCHEDULER: z.enum(['on', 'off'], { error: 'SCHEDULER must be "on" or "off"' }).default('on'),
  BACKUP_DIR: optionalText,
  BACKUP_KEEP: z.coerce
    .number({ error: 'BACKUP_KEEP must be a whole number of backups to keep, such as 14' })
    .int('BACKUP_KEEP must be a whole number of backups to keep, such as 14')
    .min(1, 'BACKUP_KEEP must be at least 1')
    .default(14),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SOURCE_ALLOWED_HOSTS: optionalText,
  SOURCE_MAX_RESPONSE_BYTES: z.coerce
    .number({ error: 'SOURCE_MAX_RESPONSE_BYTES must be a number of bytes' })
    .int()
    .min(1024)
    .default(1_000_000),
  SOURCE_CONCURRENCY: z.coerce.number({ error: 'SOURCE_CONCURRENCY must be a number' }).int().min(1).max(64).default(4),
  NODE_ENV: z.string().default('development'),
});

export interface Config {
  slack: {
    botToken: string;
    appToken?: string;
    signingSecret?: string;
    apiUrl?: string;
    mode: 'socket' | 'http';
    port: number;
  };
  /** Exactly what openDatabase takes: a PostgreSQL URL, or the embedded PGlite's own folder. */
  database: DatabaseConfig;
  programFile?: string;
  charts: { renderer: 'local' | 'quickchart'; quickchartUrl?: string };
  publishing: PublishingConfig;
  scheduler: boolean;
  backup: BackupConfig;
  log: LogConfig;
  sources: SourcesConfig;
}

/** Data sources (README, "Data sources"): their secrets are environment variables the program file names. */
export interface SourcesConfig {
  /** Reads a variable a source names; the program file decides which, so the map is kept whole. */
  env: (name: string) => string | undefined;
  allowedHosts: string[] | null;
  maxResponseBytes: number;
  concurrencyPerSource: number;
}

export interface BackupConfig {
  /** Where backups go: the daily one (only when set) and `stat backup` without --out. */
  dir?: string;
  /** How many daily backups to keep in `dir`. */
  keep: number;
}

/** Where results are published at the program's publish moment; no `dir` = automatic publishing off. */
export interface PublishingConfig {
  dir?: string;
  /** Where `dir` is served from, ending in "/"; links in data.json and Slack start here. */
  baseUrl?: string;
}

export interface DatabaseConfig {
  databaseUrl?: string;
  /** `<DATA_DIR>/pglite`: PGlite keeps its files in a folder of its own. */
  dataDir: string;
}

export interface LogConfig {
  format: 'json' | 'pretty';
  level: 'debug' | 'info' | 'warn' | 'error';
  /** The exact secret values this process was started with, never to be printed (see infra/logger). */
  secrets: string[];
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Parse the environment once. Returns every problem at once, each as one human sentence. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  // Settings that depend on each other are checked on the raw values too, so one run lists every problem.
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  const has = (k: string) => (env[k] ?? '') !== '';
  if (!has('SLACK_APP_TOKEN') && !has('SLACK_SIGNING_SECRET')) {
    errors.push(
      `Set SLACK_APP_TOKEN (xapp-…, Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode, from Basic Information → App Credentials); ${MANIFEST_HINT}`,
    );
  }
  if (env.CHART_RENDERER === 'quickchart' && !has('QUICKCHART_URL')) {
    errors.push(
      'CHART_RENDERER=quickchart needs QUICKCHART_URL (your QuickChart server, e.g. https://quickchart.example.gov); or unset CHART_RENDERER to render charts locally',
    );
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  const e = parsed.data;
  const mode = e.SLACK_APP_TOKEN ? 'socket' : 'http';
  return {
    ok: true,
    config: {
      slack: {
        botToken: e.SLACK_BOT_TOKEN,
        appToken: e.SLACK_APP_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        apiUrl: e.SLACK_API_URL,
        mode,
        port: e.PORT,
      },
      database: databaseOf(e),
      programFile: e.PROGRAM_FILE,
      charts: { renderer: e.CHART_RENDERER, quickchartUrl: e.QUICKCHART_URL },
      publishing: publishingOf(e),
      scheduler: e.SCHEDULER === 'on',
      backup: backupOf(e),
      log: logOf(e),
      sources: sourcesOf(e, env),
    },
  };
}

export type DatabaseConfigResult =
  | { ok: true; config: Pick<Config, 'database' | 'log' | 'backup' | 'sources' | 'programFile'> }
  | { ok: false; errors: string[] };

const databaseSchema = envSchema.pick({
  DATABASE_URL: true,
  DATA_DIR: true,
  BACKUP_DIR: true,
  BACKUP_KEEP: true,
  LOG_FORMAT: true,
  LOG_LEVEL: true,
  NODE_ENV: true,
  PROGRAM_FILE: true,
  SOURCE_ALLOWED_HOSTS: true,
  SOURCE_MAX_RESPONSE_BYTES: true,
  SOURCE_CONCURRENCY: true,
});

/**
 * The database and log settings alone, for CLI commands that never talk to Slack (import, export,
 * migrate): the same schema and the same checks as `parseConfig`, without asking for Slack tokens.
 */
export function parseDatabaseConfig(env: Record<string, string | undefined>): DatabaseConfigResult {
  const parsed = databaseSchema.safeParse(env);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      database: databaseOf(e),
      log: logOf(e),
      backup: backupOf(e),
      sources: sourcesOf(e, env),
      programFile: e.PROGRAM_FILE,
    },
  };
}

const publishingSchema = envSchema.pick({ PUBLISH_DIR: true, PUBLIC_BASE_URL: true });

/** The publishing settings alone, for `npm run stat -- publish`. */
export function parsePublishingConfig(
  env: Record<string, string | undefined>,
): { ok: true; config: PublishingConfig } | { ok: false; errors: string[] } {
  const parsed = publishingSchema.safeParse(env);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  return { ok: true, config: publishingOf(parsed.data) };
}

function publishingOf(e: Pick<Env, 'PUBLISH_DIR' | 'PUBLIC_BASE_URL'>): PublishingConfig {
  const base = e.PUBLIC_BASE_URL;
  return { dir: e.PUBLISH_DIR, baseUrl: base ? (base.endsWith('/') ? base : `${base}/`) : undefined };
}

type Env = z.infer<typeof envSchema>;

function sourcesOf(
  e: Pick<Env, 'SOURCE_ALLOWED_HOSTS' | 'SOURCE_MAX_RESPONSE_BYTES' | 'SOURCE_CONCURRENCY'>,
  env: Record<string, string | undefined>,
): SourcesConfig {
  const snapshot = { ...env };
  const hosts = e.SOURCE_ALLOWED_HOSTS?.split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return {
    env: (name) => snapshot[name] || undefined,
    allowedHosts: hosts?.length ? hosts : null,
    maxResponseBytes: e.SOURCE_MAX_RESPONSE_BYTES,
    concurrencyPerSource: e.SOURCE_CONCURRENCY,
  };
}
type DatabaseEnv = Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>;
type LogEnv = Pick<Env, 'LOG_FORMAT' | 'LOG_LEVEL' | 'NODE_ENV' | 'DATABASE_URL'> &
  Partial<Pick<Env, 'QUICKCHART_URL' | 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET'>>;

function databaseOf(e: DatabaseEnv): DatabaseConfig {
  return { databaseUrl: e.DATABASE_URL, dataDir: pgliteDir(e.DATA_DIR) };
}

function backupOf(e: Pick<Env, 'BACKUP_DIR' | 'BACKUP_KEEP'>): BackupConfig {
  return { ...(e.BACKUP_DIR ? { dir: e.BACKUP_DIR } : {}), keep: e.BACKUP_KEEP };
}

function logOf(e: LogEnv): LogConfig {
  return {
    format: e.LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'pretty'),
    level: e.LOG_LEVEL,
    secrets: secretValues(e),
  };
}

/**
 * The values of the secrets among the settings, for exact-value masking in logs. Tokens and the
 * signing secret whole; of a URL only its password (host and database help whoever reads the log).
 */
function secretValues(e: LogEnv): string[] {
  const out = [e.SLACK_BOT_TOKEN, e.SLACK_APP_TOKEN, e.SLACK_SIGNING_SECRET].filter((v): v is string => !!v?.trim());
  for (const url of [e.DATABASE_URL, e.QUICKCHART_URL]) {
    try {
      const password = url ? decodeURIComponent(new URL(url).password) : '';
      if (password) out.push(password, encodeURIComponent(password));
    } catch {
      // not a URL (or a malformed %-escape): nothing to pick out
    }
  }
  return [...new Set(out)];
}

/** PGlite keeps its files in a folder of its own under DATA_DIR. */
export function pgliteDir(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}/pglite`;
}

// --- Slack lookups for `program import` / `program check` (issue 15) ---
const slackLookupSchema = envSchema.pick({ SLACK_BOT_TOKEN: true, SLACK_API_URL: true }).partial();

/**
 * The bot token (and sandbox URL) when set, for CLI commands that look people up in Slack (emails,
 * user groups). Null when no token is set; an error when one is set but malformed.
 */
export function parseSlackLookupConfig(
  env: Record<string, string | undefined>,
): { ok: true; config: { botToken: string; apiUrl?: string } | null } | { ok: false; errors: string[] } {
  const parsed = slackLookupSchema.safeParse({ ...env, SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN || undefined });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  const { SLACK_BOT_TOKEN: botToken, SLACK_API_URL: apiUrl } = parsed.data;
  return { ok: true, config: botToken ? { botToken, ...(apiUrl ? { apiUrl } : {}) } : null };
}
