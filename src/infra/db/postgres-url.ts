// A PostgreSQL connection URL, checked and reduced to the parts that are safe to print. Every
// message built here leaves the URL itself out: it may hold a password.
import { DatabaseUnavailableError, type PostgresTarget } from '../db-errors.js';

/**
 * Parses and checks a postgres:// or postgresql:// URL. Throws `DatabaseUnavailableError`
 * ('bad_url') with a message that never repeats the URL (it may hold a password).
 */
export function parsePostgresUrl(url: string): PostgresTarget {
  const expected = 'expected postgres://user:password@host:5432/database';
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    // `postgres://user@/db?host=/run/postgresql` (Unix socket, no host name) is valid for pg but
    // not for WHATWG URL; parse it with a stand-in host, the socket folder wins below.
    const socketForm = /^(postgres(?:ql)?:\/\/[^/?#]*@)(\/[^?#]*\?(?:.*&)?host=)/i;
    try {
      if (!socketForm.test(url.trim())) throw new Error('not the socket form');
      parsed = new URL(url.trim().replace(socketForm, '$1localhost$2'));
    } catch {
      throw new DatabaseUnavailableError('bad_url', `DATABASE_URL is not a valid URL (${expected}).`);
    }
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseUnavailableError(
      'bad_url',
      `DATABASE_URL must start with postgres:// or postgresql:// (got "${parsed.protocol}//…"; ${expected}).`,
    );
  }
  const socketDir = parsed.searchParams.get('host');
  const host = socketDir || parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new DatabaseUnavailableError('bad_url', `DATABASE_URL has no host (${expected}).`);
  const port = parsed.port ? Number(parsed.port) : 5432;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new DatabaseUnavailableError('bad_url', `DATABASE_URL has an invalid port (${expected}).`);
  }
  let database: string;
  let user: string;
  try {
    database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    user = decodeURIComponent(parsed.username);
  } catch {
    throw new DatabaseUnavailableError('bad_url', `DATABASE_URL has a malformed %-escape (${expected}).`);
  }
  if (database.includes('/')) {
    throw new DatabaseUnavailableError('bad_url', `DATABASE_URL's database name may not contain "/" (${expected}).`);
  }
  const where = host.startsWith('/') ? `${host} (port ${port})` : `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { host, port, database: database || user || 'postgres', user, display: where };
}
