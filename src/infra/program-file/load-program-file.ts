// Loads a program file (YAML, or a CSV metric sheet) plus its optional history CSV.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  HISTORY_COLUMNS,
  type HistoryRow,
  historyRowSchema,
  METRIC_SHEET_COLUMNS,
  type MetricRow,
  metricRowSchema,
} from '../../domain/program/csv-rows.js';
import type { ProgramFile } from '../../domain/program/program-schema.js';
import { parseCsvRows, validateRows } from './read-csv.js';
import { type ReadResult, readYamlProgram, yamlLocator } from './read-yaml-program.js';

export type LoadedProgram =
  | {
      kind: 'program';
      program: ProgramFile;
      history: HistoryRow[];
      /** "file.yaml:42" for a field's path, to report problems found later (unknown emails…). */
      locate?: (path: (string | number)[]) => string;
    }
  | { kind: 'metric_sheet'; rows: MetricRow[] };

async function readText(file: string): Promise<ReadResult<string>> {
  try {
    return { ok: true, value: await readFile(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      errors: [`${file}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? 'unknown error'})`}`],
    };
  }
}

export async function loadHistoryCsv(file: string): Promise<ReadResult<HistoryRow[]>> {
  const text = await readText(file);
  if (!text.ok) return text;
  const rows = parseCsvRows(text.value, file, HISTORY_COLUMNS);
  if (!rows.ok) return rows;
  const valid = validateRows(rows.value, historyRowSchema, file);
  return valid.ok ? { ok: true, value: valid.value.map((r) => r.value) } : valid;
}

export async function loadProgramFile(file: string): Promise<ReadResult<LoadedProgram>> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    const text = await readText(file);
    if (!text.ok) return text;
    const rows = parseCsvRows(text.value, file, METRIC_SHEET_COLUMNS);
    if (!rows.ok) return rows;
    const valid = validateRows(rows.value, metricRowSchema, file);
    return valid.ok ? { ok: true, value: { kind: 'metric_sheet', rows: valid.value.map((r) => r.value) } } : valid;
  }
  if (ext !== '.yaml' && ext !== '.yml') return { ok: false, errors: [`${file}: expected a .yaml, .yml or .csv file`] };
  const text = await readText(file);
  if (!text.ok) return text;
  const program = readYamlProgram(text.value, file);
  if (!program.ok) return program;
  const locate = yamlLocator(text.value, file);
  if (!program.value.history)
    return { ok: true, value: { kind: 'program', program: program.value, history: [], locate } };
  const history = await loadHistoryCsv(path.resolve(path.dirname(file), program.value.history));
  if (!history.ok) return history;
  return { ok: true, value: { kind: 'program', program: program.value, history: history.value, locate } };
}
