// Reads and checks a backup file from end to end before anything is written anywhere: gzip's CRC,
// the header, every row line, and the trailer's row counts and checksums. Restore reads it twice
// (check, then load) rather than holding it in memory.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { BackupError } from './backup-error.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupTrailer,
  headerSchema,
  rowOfLine,
  tableOfLine,
  trailerSchema,
} from './backup-format.js';
import { tableHasher } from './table-rows.js';

/** Every line of the gunzipped file. A damaged or cut gzip stream rejects. */
export async function* backupLines(file: string): AsyncGenerator<string> {
  if (!existsSync(file)) throw new BackupError(`${file}: no such file`);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of createReadStream(file).pipe(createGunzip())) {
      pending += decoder.write(chunk as Buffer);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      yield* lines;
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new BackupError(`${file} is truncated or damaged (${why}); nothing was written`);
  }
  pending += decoder.end();
  if (pending) yield pending;
}

export interface CheckedBackup {
  header: BackupHeader;
  trailer: BackupTrailer;
}

/** Reads the whole file and returns its header and trailer, or throws BackupError saying what is wrong. */
export async function checkBackupFile(file: string): Promise<CheckedBackup> {
  const damaged = (what: string) => new BackupError(`${file} is damaged: ${what}; nothing was written`);
  let header: BackupHeader | undefined;
  let headerSha = '';
  let trailer: BackupTrailer | undefined;
  let tableIndex = -1;
  let hasher: ReturnType<typeof tableHasher> | undefined;
  const digests = new Map<string, { rows: number; sha256: string }>();
  const closeTable = () => {
    if (!hasher) return;
    const d = hasher.done();
    digests.set(d.name, d);
    hasher = undefined;
  };
  for await (const line of backupLines(file)) {
    if (!header) {
      header = parseHeader(file, line);
      headerSha = createHash('sha256').update(line).digest('hex');
      continue;
    }
    if (trailer) throw damaged('there are lines after its closing line');
    const table = tableOfLine(line);
    if (table === null) {
      closeTable();
      trailer = parseJson(line, trailerSchema, () => damaged('a line is neither a row nor the closing line'));
      continue;
    }
    if (table !== hasher?.name) {
      closeTable();
      const next = header.tables.findIndex((t) => t.name === table);
      if (next <= tableIndex) throw damaged(`rows of table ${table} are out of place`);
      tableIndex = next;
      hasher = tableHasher(table);
    }
    const row = rowOfLine(line, table);
    if (row === null) throw damaged(`a row of table ${table} is malformed`);
    hasher.add(row);
  }
  if (!header) throw new BackupError(`${file} is empty: not a stat-bot backup`);
  if (!trailer) throw new BackupError(`${file} is truncated: it ends before its closing line; nothing was written`);
  if (trailer.headerSha256 !== headerSha) throw damaged('its header does not match the checksum recorded for it');
  for (const expected of trailer.tables) {
    const found = digests.get(expected.name) ?? { rows: 0, sha256: tableHasher(expected.name).done().sha256 };
    if (found.rows !== expected.rows)
      throw damaged(`table ${expected.name} has ${found.rows} rows where the backup recorded ${expected.rows}`);
    if (found.sha256 !== expected.sha256) throw damaged(`the rows of table ${expected.name} fail their checksum`);
  }
  if (trailer.tables.length !== header.tables.length) throw damaged('its closing line does not list every table');
  return { header, trailer };
}

function parseHeader(file: string, line: string): BackupHeader {
  const notOurs = () => new BackupError(`${file} is not a stat-bot backup (its first line is not a backup header)`);
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw notOurs();
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if ((raw as { format?: unknown } | null)?.format !== BACKUP_FORMAT) throw notOurs();
  if (typeof version === 'number' && version > BACKUP_VERSION)
    throw new BackupError(
      `${file} was written by a newer stat-bot (backup format ${version}; this one reads up to ${BACKUP_VERSION}) — restore it with that version or newer`,
    );
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) throw notOurs();
  return parsed.data;
}

function parseJson<T>(
  line: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  fail: () => Error,
): T {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw fail();
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fail();
  return parsed.data;
}
