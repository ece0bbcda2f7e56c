// CSV files (metric sheets and value history) parsed with csv-parse, which handles quoting,
// embedded newlines and BOMs that a hand-rolled split(',') gets wrong.
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { ReadResult } from './read-yaml-program.js';

export interface CsvRow {
  line: number;
  record: Record<string, string>;
}

export function parseCsvRows(text: string, fileName: string, required: readonly string[]): ReadResult<CsvRow[]> {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { ok: false, errors: [`${fileName}:${e.lines ?? '?'}: ${e.message}`] };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = required.filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length > 0) {
    return { ok: false, errors: [`${fileName}:1: missing column(s): ${missing.join(', ')}`] };
  }
  return { ok: true, value: records.map((r) => ({ line: r.info.lines, record: r.record })) };
}

/** Validate each row with a zod schema; collect every error with its line and column. */
export function validateRows<T>(
  rows: CsvRow[],
  schema: z.ZodType<T>,
  fileName: string,
): ReadResult<{ line: number; value: T }[]> {
  const errors: string[] = [];
  const values: { line: number; value: T }[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row.record);
    if (parsed.success) values.push({ line: row.line, value: parsed.data });
    else for (const i of parsed.error.issues) errors.push(`${fileName}:${row.line}: ${i.path.join('.')}: ${i.message}`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: values };
}
