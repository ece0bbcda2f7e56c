// Prisma error codes we branch on, by class and code rather than by message text.
import { Prisma } from '../../generated/prisma/client.js';
import { DatabaseUnavailableError, type DatabaseUnavailableReason } from './db/errors.js';

export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}

// Prisma codes for "could not talk to the server": can't reach, timed out, connection closed,
// pool timeout. With driver adapters most failures arrive as other codes (P2010, P2039…) with the
// adapter's own error in meta.driverAdapterError, so that is read too.
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
/** PostgreSQL SQLSTATEs: class 08 (connection exception) and 57P01–57P03 (server shutting down or starting). */
const PG_STATE = /^(08\d{3}|57P0[123])$/;
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const MESSAGE = 'The database is not reachable right now.';

/**
 * The database went away (or never answered) while serving a request or a job: a
 * `DatabaseUnavailableError` to show as "can't reach its database", or null for any other error
 * (a bad query, a constraint) which must not be disguised as an outage.
 */
export function toDatabaseUnavailable(err: unknown): DatabaseUnavailableError | null {
  if (err instanceof DatabaseUnavailableError) return err;
  if (err instanceof Prisma.PrismaClientInitializationError)
    return new DatabaseUnavailableError('unreachable', MESSAGE, { cause: err });
  const reason = reasonOf(err, 0);
  return reason ? new DatabaseUnavailableError(reason, MESSAGE, { cause: err }) : null;
}

function reasonOf(err: unknown, depth: number): DatabaseUnavailableReason | null {
  if (typeof err !== 'object' || err === null || depth > 4) return null;
  const e = err as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    meta?: { driverAdapterError?: unknown };
    cause?: unknown;
  };
  if (err instanceof Prisma.PrismaClientKnownRequestError && typeof e.code === 'string' && PRISMA_CODES[e.code])
    return PRISMA_CODES[e.code]!;
  if (typeof e.kind === 'string' && ADAPTER_KINDS[e.kind]) return ADAPTER_KINDS[e.kind]!;
  for (const code of [e.code, e.originalCode]) {
    if (typeof code !== 'string') continue;
    if (PG_STATE.test(code) || SOCKET_CODES.has(code)) return code === 'ETIMEDOUT' ? 'timeout' : 'unreachable';
    if (code === '53300') return 'too_many_connections';
  }
  return reasonOf(e.meta?.driverAdapterError, depth + 1) ?? reasonOf(e.cause, depth + 1);
}
