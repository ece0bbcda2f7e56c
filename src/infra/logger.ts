// Structured logs: JSON lines in production, one readable line in development. Values that look
// like Slack tokens or secrets are masked, so a log line can be pasted into a ticket safely.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET = /(xox[abprs]-|xapp-)[A-Za-z0-9-]+|(postgres(?:ql)?:\/\/[^:@/\s]+:)[^@\s]+@/g;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export function redact(text: string): string {
  return text.replace(SECRET, (_m, token: string | undefined, pgPrefix: string | undefined) => (pgPrefix ? `${pgPrefix}***@` : `${token}***`));
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function createLogger(opts: { format: 'json' | 'pretty'; level: LogLevel; write?: (line: string) => void }, base: Record<string, unknown> = {}): Logger {
  const write = opts.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const log = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < ORDER[opts.level]) return;
    const all = { ...base, ...fields };
    const entries = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, serialise(v)]));
    const line =
      opts.format === 'json'
        ? JSON.stringify({ time: new Date().toISOString(), level, msg, ...entries })
        : `${level.toUpperCase().padEnd(5)} ${msg}${Object.keys(entries).length ? ' ' + JSON.stringify(entries) : ''}`;
    write(redact(line));
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
