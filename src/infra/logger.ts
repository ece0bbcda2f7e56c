// Structured logs: JSON lines in production, one readable line in development. A log line must be
// safe to paste into a ticket, so secrets are masked three ways: by shape (Slack tokens, URL
// passwords, response_urls), by field name (password, token, secret…), and by exact value (the
// secrets this process was started with: the parsed config's `log.secrets`). Every line inside a
// Slack request or a job carries its request/job id, taken from the async context (see
// withLogContext), so handlers need not pass it.
// Logging never throws: cycles, BigInts and huge strings are made printable instead.
import { AsyncLocalStorage } from 'node:async_hooks';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  format: 'json' | 'pretty';
  level: LogLevel;
  write?: (line: string) => void;
  /** Exact values never to print: the parsed config's `log.secrets` (tokens, the signing secret,
   * URL passwords). Without them only secrets of a known shape are masked. */
  secrets?: readonly string[];
}

// --- context --------------------------------------------------------------------------------

const context = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `fn` with `fields` (e.g. { requestId }) added to every log line written inside it. */
export function withLogContext<T>(fields: Record<string, unknown>, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

// --- redaction ------------------------------------------------------------------------------

const MASK = '***';
const SHAPES: [RegExp, string][] = [
  // Slack tokens: bot/user/app/refresh (xoxe.xoxp-…, xoxe-1-…), app-level (xapp-…).
  [/\b((?:xoxe\.)?xox[abeoprs]|xapp)-[A-Za-z0-9-]+/g, `$1-${MASK}`],
  // user:password@ in any URL (postgres://, https://, redis://…).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/"'<>]*:)[^\s@"'<>]+@/gi, `$1${MASK}@`],
  // password=… in connection strings and query strings.
  [/\b(\w*(?:pass(?:word)?|pwd|secret|token|api[_-]?key)|sig(?:nature)?)=[^\s&;"',]+/gi, `$1=${MASK}`],
  // Authorization: Bearer …
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${MASK}`],
  // response_url / webhook capability URLs: whoever holds one can post for 30 minutes.
  [/(https:\/\/hooks\.slack\.com\/)[^\s"'<>]+/g, `$1${MASK}`],
  // Slack request signatures.
  [/\bv0=[0-9a-f]{16,}/g, `v0=${MASK}`],
];
const SECRET_KEY = /pass(word)?|secret|token|authori[sz]ation|cookie|api[-_]?key|signature|credential|private[-_]?key/i;
const MAX_STRING = 4_000;
const MAX_DEPTH = 6;

function redactWith(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join(MASK);
  for (const [shape, replacement] of SHAPES) out = out.replace(shape, replacement);
  return out;
}

/** Masks secrets in free text: by shape, and the given exact values (Config's `log.secrets`). */
export function redact(text: string, secrets: readonly string[] = []): string {
  return redactWith(text, secrets);
}

// --- serialisation --------------------------------------------------------------------------

function clean(value: unknown, secrets: readonly string[], seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string')
    return redactWith(
      value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…(${value.length} chars)` : value,
      secrets,
    );
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return `[${typeof value}]`;
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Error) return clean(errorFields(value), secrets, seen, depth + 1);
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => clean(v, secrets, seen, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] =
      SECRET_KEY.test(k) && v !== null && v !== undefined && v !== '' ? MASK : clean(v, secrets, seen, depth + 1);
  return out;
}

function errorFields(e: Error): Record<string, unknown> {
  const extra = e as Error & { code?: unknown; meta?: unknown; cause?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(extra.code !== undefined ? { code: extra.code } : {}),
    ...(extra.meta !== undefined ? { meta: extra.meta } : {}),
    stack: e.stack,
    ...(extra.cause !== undefined ? { cause: extra.cause } : {}),
  };
}

/** One line of text: control characters escaped so user input cannot forge extra log lines. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this escapes
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));

export function createLogger(opts: LoggerOptions, base: Record<string, unknown> = {}): Logger {
  const write = opts.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = opts.secrets ?? [];
  const log = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < ORDER[opts.level]) return;
    try {
      const entries = clean({ ...context.getStore(), ...base, ...fields }, secrets, new WeakSet(), 0) as Record<
        string,
        unknown
      >;
      const text = oneLine(redactWith(msg, secrets));
      const line =
        opts.format === 'json'
          ? JSON.stringify({ time: new Date().toISOString(), level, msg: text, ...entries })
          : `${level.toUpperCase().padEnd(5)} ${text}${Object.keys(entries).length ? ` ${JSON.stringify(entries)}` : ''}`;
      write(redactWith(line, secrets));
    } catch (err) {
      // Never let logging take a request down; say that a line was lost, without its contents.
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          level: 'error',
          msg: 'a log line could not be written',
          reason: err instanceof Error ? err.name : 'unknown',
        }),
      );
    }
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
    child: (fields) => createLogger(opts, { ...base, ...fields }),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };
