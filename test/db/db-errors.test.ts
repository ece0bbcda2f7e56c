// One classifier for database errors, at connect time (openDatabase) and while the app runs
// (handlers, jobs), with one list of socket codes: each code is checked on both paths.
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../generated/prisma/client.js';
import { parsePostgresUrl } from '../../src/infra/db/postgres-url.js';
import {
  classifyPostgresError,
  type DatabaseUnavailableReason,
  isUniqueViolation,
  toDatabaseUnavailable,
} from '../../src/infra/db-errors.js';

const TARGET = parsePostgresUrl('postgres://app@db.internal:5432/stat');
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.5:5432`), { code });
/** How an error from the pg driver reaches the app at run time: inside Prisma's error. */
const fromPrisma = (code: string, cause: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('Invalid `prisma.auditEvent.count()` invocation', {
    code,
    clientVersion: 'test',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause } },
  });

const SOCKET_CODES: [string, DatabaseUnavailableReason, RegExp][] = [
  ['ECONNREFUSED', 'unreachable', /is it running\?/],
  ['EHOSTUNREACH', 'unreachable', /is it running\?/],
  ['ENETUNREACH', 'unreachable', /is it running\?/],
  ['ENOENT', 'unreachable', /is it running\?/],
  ['ENOTFOUND', 'unreachable', /does not resolve/],
  ['EAI_AGAIN', 'unreachable', /does not resolve/],
  ['ETIMEDOUT', 'timeout', /Timed out connecting/],
  ['ECONNRESET', 'unreachable', /closed the connection while connecting/],
  ['EPIPE', 'unreachable', /closed the connection while connecting/],
];

describe.each(SOCKET_CODES)('socket code %s', (code, reason, connectMessage) => {
  it('at connect time', () => {
    const error = classifyPostgresError(socketError(code), TARGET);
    expect(error?.reason).toBe(reason);
    expect(error?.userMessage).toMatch(connectMessage);
    // Every address refused (IPv4 and IPv6): net.connect's AggregateError.
    expect(classifyPostgresError(new AggregateError([socketError(code)]), TARGET)?.reason).toBe(reason);
  });

  it('while the app runs, inside an error from the database', () => {
    const wrapped = fromPrisma('P2010', { kind: 'postgres', originalCode: code });
    expect(toDatabaseUnavailable(wrapped)?.reason).toBe(reason);
    const adapterError = Object.assign(new Error('adapter'), { name: 'DriverAdapterError', cause: socketError(code) });
    expect(toDatabaseUnavailable(adapterError)?.reason).toBe(reason);
  });

  it('not when another service (a chart server, Slack) refused the connection', () => {
    expect(toDatabaseUnavailable(new TypeError('fetch failed', { cause: socketError(code) }))).toBeNull();
    expect(toDatabaseUnavailable(socketError(code))).toBeNull();
  });
});

describe('toDatabaseUnavailable', () => {
  it("reads Prisma's connection codes and names the host", () => {
    const lost = fromPrisma('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 });
    expect(toDatabaseUnavailable(lost)?.userMessage).toBe(
      'Lost the connection to the database at 127.0.0.1:5432 — is it running?',
    );
    expect(toDatabaseUnavailable(fromPrisma('P1002', {}))?.reason).toBe('timeout');
    expect(toDatabaseUnavailable(fromPrisma('P1017', {}))?.reason).toBe('unreachable');
    expect(toDatabaseUnavailable(fromPrisma('P2024', {}))?.reason).toBe('timeout');
  });

  it('reads the adapter kinds and the SQLSTATEs of a server going away', () => {
    for (const [kind, reason] of [
      ['DatabaseNotReachable', 'unreachable'],
      ['ConnectionClosed', 'unreachable'],
      ['SocketTimeout', 'timeout'],
      ['TooManyConnections', 'too_many_connections'],
    ] as const)
      expect(toDatabaseUnavailable(fromPrisma('P2010', { kind }))?.reason, kind).toBe(reason);
    for (const state of ['57P01', '57P02', '57P03', '08000', '08003', '08006'])
      expect(toDatabaseUnavailable(fromPrisma('P2010', { kind: 'postgres', originalCode: state }))?.reason).toBe(
        'unreachable',
      );
    expect(toDatabaseUnavailable(fromPrisma('P2010', { kind: 'postgres', originalCode: '53300' }))?.reason).toBe(
      'too_many_connections',
    );
  });

  it('knows a closed PGlite, and an initialisation failure', () => {
    const closed = Object.assign(new Error('PGlite is closed'), { name: 'DriverAdapterError' });
    expect(toDatabaseUnavailable(closed)?.reason).toBe('unreachable');
    expect(toDatabaseUnavailable(new Prisma.PrismaClientInitializationError('no', 'test'))?.reason).toBe('unreachable');
  });

  it("leaves a query's own errors alone", () => {
    const unique = new Prisma.PrismaClientKnownRequestError('Unique constraint failed', {
      code: 'P2002',
      clientVersion: 'test',
    });
    expect(toDatabaseUnavailable(unique)).toBeNull();
    expect(isUniqueViolation(unique)).toBe(true);
    expect(toDatabaseUnavailable(fromPrisma('P2010', { kind: 'postgres', originalCode: '23505' }))).toBeNull();
    expect(toDatabaseUnavailable('nope')).toBeNull();
  });
});
