// An `http_json` source: GET a URL (period placeholders URL-encoded into it), headers from named
// environment variables, and an RFC 9535 JSONPath to the value. jsonpath-rfc9535 is used because it
// implements the standard (passing its compliance suite) and evaluates no script expressions.
import { query as jsonPathQuery } from 'jsonpath-rfc9535';
import type { PeriodParameters } from '../../domain/sources/placeholders.js';
import { fillPlaceholders } from '../../domain/sources/placeholders.js';
import type { HttpJsonSourceSpec } from '../../domain/sources/source-spec.js';
import { getJson } from './http-fetch.js';
import type { SourceRuntime } from './runtime.js';
import { SourceError } from './source-error.js';
import { type PulledValue, toSourceNumber } from './source-value.js';

export async function pullHttpJson(
  spec: HttpJsonSourceSpec,
  params: PeriodParameters,
  rt: SourceRuntime,
): Promise<PulledValue> {
  const headers: Record<string, string> = {};
  for (const [name, env] of Object.entries(spec.headers_env)) {
    const value = rt.env(env);
    if (!value) throw new SourceError('missing_secret', `${env} is not set`);
    headers[name] = value;
  }
  const body = await getJson(fillPlaceholders(spec.url, params, encodeURIComponent, false), {
    headers,
    timeoutMs: spec.timeout_seconds * 1000,
    maxBytes: rt.maxResponseBytes,
    allowedHosts: rt.allowedHosts,
  });
  const matches = jsonPathQuery(body as Parameters<typeof jsonPathQuery>[0], spec.json_path);
  if (matches.length === 0) throw new SourceError('no_match', `${spec.json_path} matches nothing in the answer`);
  if (matches.length > 1)
    throw new SourceError('several_rows', `${spec.json_path} matches ${matches.length} values, not one`);
  const { value, raw } = toSourceNumber(matches[0]);
  return { value, raw, note: null };
}
