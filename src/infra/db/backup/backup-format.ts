// The backup file: gzip'd JSON lines, readable with `zcat file | jq -c .` (docs/backup-format.md).
//   line 1        header  {"format":"stat-bot-backup","version":1,…,"migrations":[…],"tables":[…]}
//   then per row  {"t":"<table>","r":<the row as PostgreSQL's row_to_json text>}
//   last line     trailer {"end":true,"tables":[{name,rows,sha256}],"sequences":[…],"headerSha256":…}
// gzip's CRC catches damaged bytes; the trailer's counts and checksums catch a file cut short at a
// line boundary or edited by hand.
import { z } from 'zod';

export const BACKUP_FORMAT = 'stat-bot-backup';
/** Bump when a reader of the previous version could not read the new files. */
export const BACKUP_VERSION = 1;

const column = z.object({ name: z.string(), type: z.string(), collatable: z.boolean() });
const table = z.object({ name: z.string(), columns: z.array(column), primaryKey: z.array(z.string()) });

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.string(),
  program: z.string().nullable(),
  /** "pglite" or "postgres": where it was taken (it restores into either). */
  source: z.string(),
  /** Applied migrations, oldest first; restore refuses names this code does not have. */
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  /** In load order: parents before the tables that reference them. */
  tables: z.array(table),
});

export const trailerSchema = z.object({
  end: z.literal(true),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative(), sha256: z.string() })),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
  headerSha256: z.string(),
});

export type BackupHeader = z.infer<typeof headerSchema>;
export type BackupTrailer = z.infer<typeof trailerSchema>;

export function rowLinePrefix(tableName: string): string {
  return `{"t":${JSON.stringify(tableName)},"r":`;
}

/** One row line; `rowJson` is kept byte for byte. */
export function rowLine(tableName: string, rowJson: string): string {
  return `${rowLinePrefix(tableName)}${rowJson}}`;
}

/** The row JSON text of a row line of `tableName`, or null if the line is not one. */
export function rowOfLine(line: string, tableName: string): string | null {
  const prefix = rowLinePrefix(tableName);
  return line.startsWith(prefix) && line.endsWith('}') ? line.slice(prefix.length, -1) : null;
}

/** The table a row line names (cheap: only the prefix is parsed). */
export function tableOfLine(line: string): string | null {
  const match = /^\{"t":("(?:[^"\\]|\\.)*"),"r":/.exec(line);
  if (!match?.[1]) return null;
  try {
    return JSON.parse(match[1]) as string;
  } catch {
    return null;
  }
}
