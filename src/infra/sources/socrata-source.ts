// A `socrata` source: one SoQL query against a dataset's /resource endpoint ($select, $where and
// $group with the period placeholders as SoQL string literals). The value is the one cell of the
// one row it returns. An app token, when named, goes in the X-App-Token header.
import type { PeriodParameters } from '../../domain/sources/placeholders.js';
import { fillPlaceholders, soqlLiteral } from '../../domain/sources/placeholders.js';
import type { SocrataSourceSpec } from '../../domain/sources/source-spec.js';
import { getJson } from './http-fetch.js';
import type { SourceRuntime } from './runtime.js';
import { SourceError } from './source-error.js';
import { type PulledValue, toSourceNumber } from './source-value.js';

export function socrataUrl(spec: SocrataSourceSpec, params: PeriodParameters): string {
  const base = /^https?:\/\//i.test(spec.domain) ? spec.domain.replace(/\/+$/, '') : `https://${spec.domain}`;
  const url = new URL(`${base}/resource/${spec.dataset}.json`);
  url.searchParams.set('$select', fillPlaceholders(spec.select, params, soqlLiteral));
  if (spec.where) url.searchParams.set('$where', fillPlaceholders(spec.where, params, soqlLiteral));
  if (spec.group) url.searchParams.set('$group', spec.group);
  // Two rows are enough to know there is more than one.
  url.searchParams.set('$limit', '2');
  return url.toString();
}

export async function pullSocrata(
  spec: SocrataSourceSpec,
  params: PeriodParameters,
  rt: SourceRuntime,
): Promise<PulledValue> {
  const headers: Record<string, string> = {};
  if (spec.app_token_env) {
    const token = rt.env(spec.app_token_env);
    if (!token) throw new SourceError('missing_secret', `${spec.app_token_env} is not set`);
    headers['X-App-Token'] = token;
  }
  const body = await getJson(socrataUrl(spec, params), {
    headers,
    timeoutMs: spec.timeout_seconds * 1000,
    maxBytes: rt.maxResponseBytes,
    allowedHosts: rt.allowedHosts,
  });
  if (!Array.isArray(body)) throw new SourceError('bad_response', 'the portal did not answer with a list of rows');
  if (body.length === 0) throw new SourceError('no_row', 'the query returned no row');
  if (body.length > 1) throw new SourceError('several_rows', 'the query returned several rows, not one');
  const row = body[0];
  if (typeof row !== 'object' || row === null) throw new SourceError('bad_response', 'the row is not an object');
  const cells = Object.values(row);
  if (cells.length !== 1)
    throw new SourceError('several_rows', `the row has ${cells.length} columns; select exactly one aggregate`);
  const { value, raw } = toSourceNumber(cells[0]);
  return { value, raw, note: null };
}
