// A `sql` source: the query with its period placeholders bound as parameters, run read-only.
// Exactly one row; its first column is the value, an optional second column a note.
import type { PeriodParameters } from '../../domain/sources/placeholders.js';
import { bindSqlParameters } from '../../domain/sources/placeholders.js';
import type { SqlSourceSpec } from '../../domain/sources/source-spec.js';
import type { SourceRuntime } from './runtime.js';
import { SourceError } from './source-error.js';
import { type PulledValue, toSourceNumber } from './source-value.js';

export async function pullSql(spec: SqlSourceSpec, params: PeriodParameters, rt: SourceRuntime): Promise<PulledValue> {
  const connection = rt.env(spec.connection_env);
  if (!connection) throw new SourceError('missing_secret', `${spec.connection_env} is not set`);
  const rows = await rt.sql.run(connection, bindSqlParameters(spec.query, params), spec.timeout_seconds * 1000);
  if (rows.length === 0) throw new SourceError('no_row', 'the query returned no row');
  if (rows.length > 1) throw new SourceError('several_rows', `the query returned ${rows.length} rows, not one`);
  const [cell, note] = rows[0]!;
  const { value, raw } = toSourceNumber(cell);
  return { value, raw, note: note === null || note === undefined ? null : String(note).slice(0, 3000) };
}
