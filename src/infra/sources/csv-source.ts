// A `csv` source: a file, or a drop folder of exports, with department,metric,period,value (and an
// optional note) columns. In a folder, files are read in name order and a later file's row wins, so
// a corrected export dropped beside the first replaces its value.
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CsvSourceSpec } from '../../domain/sources/source-spec.js';
import type { SourceRuntime } from './runtime.js';
import { SourceError } from './source-error.js';
import { type PulledValue, toSourceNumber } from './source-value.js';

export interface CsvTarget {
  departmentKey: string;
  metricKey: string;
  period: string;
}

async function filesOf(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new SourceError('file_missing', `${path} does not exist`);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
  return names.map((n) => join(path, n));
}

export async function pullCsv(spec: CsvSourceSpec, target: CsvTarget, rt: SourceRuntime): Promise<PulledValue> {
  const path = isAbsolute(spec.path) ? spec.path : join(rt.baseDir, spec.path);
  let found: Record<string, string> | null = null;
  for (const file of await filesOf(path)) {
    const info = await stat(file);
    if (info.size > rt.maxResponseBytes)
      throw new SourceError('too_large', `${file} is larger than ${rt.maxResponseBytes} bytes`);
    let rows: Record<string, string>[];
    try {
      rows = parse(await readFile(file, 'utf8'), {
        columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
        skip_empty_lines: true,
        bom: true,
        trim: true,
      });
    } catch (err) {
      throw new SourceError(
        'bad_response',
        `${file} is not a readable CSV: ${err instanceof Error ? err.message : err}`,
      );
    }
    const matches = rows.filter(
      (r) =>
        r.department?.toLowerCase() === target.departmentKey.toLowerCase() &&
        r.metric?.toLowerCase() === target.metricKey.toLowerCase() &&
        r.period === target.period,
    );
    if (matches.length > 1)
      throw new SourceError('several_rows', `${file} has ${matches.length} rows for this metric and period`);
    if (matches[0]) found = matches[0];
  }
  if (!found) throw new SourceError('no_row', 'no row for this metric and period in the export');
  const { value, raw } = toSourceNumber(found.value ?? '');
  return { value, raw, note: found.note?.trim() || null };
}
