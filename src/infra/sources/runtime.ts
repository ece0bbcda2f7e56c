// What a pull needs from the process: the environment variables a source names (handed down from
// the entry points' parsed config), limits, and the SQL connector (PostgreSQL by default).
import type { SqlConnector } from './sql-connector.js';

export interface SourceRuntime {
  /** Looks up an environment variable a source names (never process.env directly: see src/config.ts). */
  env: (name: string) => string | undefined;
  /** When set, HTTP sources may only reach these hosts (exact names, or ".example.gov" for subdomains). */
  allowedHosts: readonly string[] | null;
  /** A response larger than this is refused (bytes). */
  maxResponseBytes: number;
  /** At most this many pulls at once against one system (one database, one portal). */
  concurrencyPerSource: number;
  /** Waits between attempts of a pull that failed for a passing reason (timeout, 5xx). */
  retryDelaysMs: readonly number[];
  /** Folder a relative CSV path is read from (the program file's folder). */
  baseDir: string;
  sql: SqlConnector;
}
