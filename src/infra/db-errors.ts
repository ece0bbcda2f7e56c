// Every database error this app branches on, in one module: the error it shows when the database
// cannot be used, the connect-time classifier (openDatabase), the run-time one (handlers, jobs)
// and the unique-violation test. By class and code, never by guessing from message text alone.
import { Prisma } from '../../generated/prisma/client.js';

export type DatabaseUnavailableReason =
  | 'bad_url' // DATABASE_URL cannot be parsed, or is not postgres://
  | 'unreachable' // connection refused, host unknown
  | 'timeout' // no answer within the connect timeout
  | 'auth_failed' // wrong user name or password
  | 'access_denied' // pg_hba.conf / no CONNECT privilege
  | 'database_missing' // the server is up but the database does not exist
  | 'tls' // TLS required / refused / certificate problem
  | 'too_many_connections'
  | 'data_dir' // the embedded database's folder cannot be created or opened
  | 'in_use' // another process has the embedded database open
  | 'unknown';

/** The database cannot be used. `userMessage` is one line, without a stack, safe to show. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  readonly reason: DatabaseUnavailableReason;
  readonly userMessage: string;
  constructor(reason: DatabaseUnavailableReason, userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.reason = reason;
    this.userMessage = userMessage;
  }
}

/** A PostgreSQL URL's parts that are safe to print (never the password). */
export interface PostgresTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  /** `host:port/database`, or the socket folder for Unix-socket URLs. */
  display: string;
}

/**
 * Node's socket error codes, and what each says about reaching the database. One list for connect
 * time and run time: a code missing here would make one of them miss an outage.
 */
const SOCKET_CODES: Record<string, 'unreachable' | 'no_such_host' | 'timeout' | 'closed'> = {
  ECONNREFUSED: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENOENT: 'unreachable', // a Unix-socket path (?host=/run/postgresql) with no server behind it
  ENOTFOUND: 'no_such_host',
  EAI_AGAIN: 'no_such_host',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'closed',
  EPIPE: 'closed',
};

/** PostgreSQL SQLSTATEs: class 08 (connection exception) and 57P01–57P03 (shutting down or starting). */
const PG_CONNECTION_STATE = /^(08\d{3}|57P0[123])$/;
const PG_TOO_MANY_CONNECTIONS = '53300';

/**
 * Maps an error met while connecting to PostgreSQL (raw from `pg`, or as a Prisma
 * DriverAdapterError wrapping it) to a `DatabaseUnavailableError`. Returns null when the error is
 * not about reaching or entering the database.
 */
export function classifyPostgresError(error: unknown, target: PostgresTarget): DatabaseUnavailableError | null {
  const at = `PostgreSQL at ${target.display}`;
  const fields = errorFields(error);
  const make = (reason: DatabaseUnavailableReason, message: string) =>
    new DatabaseUnavailableError(reason, message, { cause: error });

  const code = fields.code ?? '';
  const kind = fields.kind ?? '';
  const message = fields.message ?? '';

  const socket = SOCKET_CODES[code];
  if (socket === 'no_such_host') {
    return make('unreachable', `Cannot reach ${at} — the host name "${target.host}" does not resolve.`);
  }
  if (socket === 'timeout' || kind === 'SocketTimeout' || /timeout expired|connection timeout/i.test(message)) {
    return make('timeout', `Timed out connecting to ${at} — is the host and port right, and is a firewall in the way?`);
  }
  if (socket === 'closed' || kind === 'ConnectionClosed' || /Connection terminated unexpectedly/i.test(message)) {
    return make(
      'unreachable',
      `${at} closed the connection while connecting — is it a PostgreSQL server, and does it require TLS (?sslmode=require)?`,
    );
  }
  if (socket || kind === 'DatabaseNotReachable') {
    return make('unreachable', `Cannot reach ${at} — is it running?`);
  }
  if (/client password must be a string/i.test(message)) {
    return make(
      'auth_failed',
      `${at} requires a password${target.user ? ` for user "${target.user}"` : ''}, and DATABASE_URL has none.`,
    );
  }
  if (
    code === '28P01' ||
    kind === 'AuthenticationFailed' ||
    /password authentication failed|SASL|role ".*" does not exist/i.test(message)
  ) {
    const who = target.user ? ` for user "${target.user}"` : '';
    return make(
      'auth_failed',
      `${at} rejected the credentials${who} — check the user name and password in DATABASE_URL.`,
    );
  }
  if (code === '3D000' || kind === 'DatabaseDoesNotExist') {
    return make(
      'database_missing',
      `Database "${target.database}" does not exist on ${at} — create it (createdb ${target.database}) or fix DATABASE_URL.`,
    );
  }
  if (code === '28000' || kind === 'DatabaseAccessDenied' || code === '42501') {
    return make(
      'access_denied',
      `${at} refused access to database "${target.database}"${target.user ? ` for user "${target.user}"` : ''} — check pg_hba.conf and the role's privileges.`,
    );
  }
  if (code === '53300' || kind === 'TooManyConnections') {
    return make(
      'too_many_connections',
      `${at} has too many connections open — try again shortly or raise max_connections.`,
    );
  }
  if (kind === 'TlsConnectionError' || /SSL|TLS|certificate/i.test(message)) {
    return make('tls', `TLS problem connecting to ${at}: ${firstLine(message || kind)}`);
  }
  return null;
}

/** The first line of a message, trimmed. */
export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? ''
  );
}

interface ErrorFields {
  code?: string;
  kind?: string;
  message?: string;
}

/** Digs code/kind/message out of pg errors, DriverAdapterErrors (payload in `cause`) and AggregateErrors. */
function errorFields(error: unknown, depth = 0): ErrorFields {
  if (typeof error !== 'object' || error === null || depth > 4) return {};
  const e = error as Record<string, unknown>;
  const own: ErrorFields = {};
  if (typeof e.code === 'string') own.code = e.code;
  if (typeof e.originalCode === 'string') own.code ??= e.originalCode;
  if (typeof e.kind === 'string') own.kind = e.kind;
  if (typeof e.message === 'string') own.message = e.message;
  // AggregateError from net.connect when every address (IPv4 and IPv6) refused.
  const inner = Array.isArray(e.errors) ? e.errors[0] : e.cause;
  const deeper = errorFields(inner, depth + 1);
  return {
    ...((own.code ?? deeper.code) ? { code: (own.code ?? deeper.code) as string } : {}),
    ...((own.kind ?? deeper.kind) ? { kind: (own.kind ?? deeper.kind) as string } : {}),
    ...(own.message || deeper.message ? { message: (own.message || deeper.message) as string } : {}),
  };
}

// --- while the app runs ---------------------------------------------------------------------

export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}

// Prisma's codes for "could not talk to the server". With driver adapters most failures arrive as
// other codes (P2010, P2039…) with the adapter's own error in meta.driverAdapterError, read too.
const PRISMA_CODES: Record<string, DatabaseUnavailableReason> = {
  P1001: 'unreachable',
  P1002: 'timeout',
  P1017: 'unreachable',
  P2024: 'timeout',
};
const ADAPTER_KINDS: Record<string, DatabaseUnavailableReason> = {
  DatabaseNotReachable: 'unreachable',
  ConnectionClosed: 'unreachable',
  SocketTimeout: 'timeout',
  TooManyConnections: 'too_many_connections',
};

/**
 * For errors met while the app runs (after openDatabase succeeded): is this the database going
 * away — server stopped or restarting, connection dropped, PGlite closed? Then a
 * `DatabaseUnavailableError` to show as "can't reach its database"; otherwise null (a bad query, a
 * constraint), which must not be disguised as an outage. Socket codes count only inside an error
 * that came from the database: a chart server or Slack refusing a connection is not an outage of ours.
 */
export function toDatabaseUnavailable(error: unknown): DatabaseUnavailableError | null {
  if (error instanceof DatabaseUnavailableError) return error;
  if (error instanceof Prisma.PrismaClientInitializationError)
    return new DatabaseUnavailableError('unreachable', 'The database is not reachable right now.', { cause: error });
  const found = lostReason(error, false, 0);
  if (!found) return null;
  const where = found.host ? ` at ${found.host}${found.port !== undefined ? `:${found.port}` : ''}` : '';
  const message =
    found.reason === 'too_many_connections'
      ? `The database${where} has too many connections open — try again shortly.`
      : `Lost the connection to the database${where} — is it running?`;
  return new DatabaseUnavailableError(found.reason, message, { cause: error });
}

interface Lost {
  reason: DatabaseUnavailableReason;
  host?: string;
  port?: string;
}

function lostReason(error: unknown, fromDatabase: boolean, depth: number): Lost | null {
  if (typeof error !== 'object' || error === null || depth > 4) return null;
  const e = error as Record<string, unknown>;
  const fromDb = fromDatabase || isDatabaseError(error);
  const at = {
    ...(typeof e.host === 'string' ? { host: e.host } : {}),
    ...(e.port !== undefined ? { port: String(e.port) } : {}),
  };
  if (error instanceof Prisma.PrismaClientKnownRequestError && PRISMA_CODES[error.code])
    return withWhere({ reason: PRISMA_CODES[error.code]! }, error.meta?.driverAdapterError);
  if (typeof e.kind === 'string' && ADAPTER_KINDS[e.kind]) return { reason: ADAPTER_KINDS[e.kind]!, ...at };
  for (const code of [e.code, e.originalCode]) {
    if (typeof code !== 'string') continue;
    if (PG_CONNECTION_STATE.test(code)) return { reason: 'unreachable', ...at };
    if (code === PG_TOO_MANY_CONNECTIONS) return { reason: 'too_many_connections', ...at };
    const socket = fromDb ? SOCKET_CODES[code] : undefined;
    if (socket) return { reason: socket === 'timeout' ? 'timeout' : 'unreachable', ...at };
  }
  if (fromDb && typeof e.message === 'string' && /PGlite is closed/i.test(e.message)) return { reason: 'unreachable' };
  const meta = e.meta as { driverAdapterError?: unknown } | undefined;
  return lostReason(meta?.driverAdapterError, fromDb, depth + 1) ?? lostReason(e.cause, fromDb, depth + 1);
}

/** The adapter's error (in `cause`) names the host; add it to a reason found from Prisma's code. */
function withWhere(lost: Lost, adapterError: unknown): Lost {
  const cause = (adapterError as { cause?: { host?: unknown; port?: unknown } } | undefined)?.cause;
  return {
    ...lost,
    ...(typeof cause?.host === 'string' ? { host: cause.host } : {}),
    ...(cause?.port !== undefined ? { port: String(cause.port) } : {}),
  };
}

/** Prisma's errors and the driver adapters' (DriverAdapterError, PGlite's) come from the database. */
function isDatabaseError(error: object): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError ||
    error instanceof Prisma.PrismaClientUnknownRequestError ||
    error instanceof Prisma.PrismaClientRustPanicError ||
    (error as { name?: unknown }).name === 'DriverAdapterError'
  );
}

/** The first line of an error, for one-line messages. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return firstLine(error.message) || error.name;
  return firstLine(String(error));
}
