// A metric's `source:` in the program file: where its number can be pulled from. Secrets are never
// in the file: a source names the environment variables that hold them. Pure: validation only.
import parseJsonPath from 'jsonpath-rfc9535/parser';
import { z } from 'zod';
import { findPlaceholders, UNKNOWN_PLACEHOLDER } from './placeholders.js';

const envName = z
  .string()
  .regex(
    /^[A-Z][A-Z0-9_]{0,79}$/,
    'must name an environment variable, such as RIVERTON_311_DB_URL (capitals, digits, _)',
  );
const label = z.string().min(1).max(60).optional();
const timeoutSeconds = z.number().int().min(1).max(300).default(30);

/** Only the three known placeholders may appear: a typo such as `:period_begin` is refused at import. */
function knownPlaceholdersOnly(text: string, ctx: z.RefinementCtx, path: string, sql = true) {
  for (const name of findPlaceholders(text, sql).unknown)
    ctx.addIssue({ code: 'custom', path: [path], message: UNKNOWN_PLACEHOLDER(name) });
}

function isJsonPath(path: string): boolean {
  try {
    parseJsonPath(path);
    return true;
  } catch {
    return false;
  }
}

const httpUrl = z.string().refine((u) => /^https?:\/\//i.test(u), 'must be an http:// or https:// URL');

export const sqlSourceSchema = z
  .object({
    kind: z.literal('sql'),
    /** The environment variable holding the PostgreSQL connection string. */
    connection_env: envName,
    query: z.string().min(1).max(20_000),
    timeout_seconds: timeoutSeconds,
    label,
  })
  .strict()
  .superRefine((s, ctx) => {
    knownPlaceholdersOnly(s.query, ctx, 'query');
    // Sources read: a query is one SELECT (WITH, VALUES and TABLE are reads too). What slips past
    // this check is still refused by the read-only session at pull time.
    const first = s.query
      .replace(/^(\s+|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '')
      .match(/^[A-Za-z]+/)?.[0]
      ?.toUpperCase();
    if (!['SELECT', 'WITH', 'VALUES', 'TABLE'].includes(first ?? ''))
      ctx.addIssue({
        code: 'custom',
        path: ['query'],
        message: 'must be one read-only query starting with SELECT or WITH',
      });
  });

export const socrataSourceSchema = z
  .object({
    kind: z.literal('socrata'),
    /** The portal's host, such as data.cityofchicago.org (or a full http(s) base URL). */
    domain: z.string().min(1).max(200),
    /** The dataset's four-by-four id, such as abcd-1234. */
    dataset: z.string().regex(/^[a-z0-9]{4}-[a-z0-9]{4}$/, 'must be a dataset id such as abcd-1234'),
    select: z.string().min(1).max(2000),
    where: z.string().max(4000).optional(),
    group: z.string().max(500).optional(),
    app_token_env: envName.optional(),
    timeout_seconds: timeoutSeconds,
    label,
  })
  .strict()
  .superRefine((s, ctx) => {
    knownPlaceholdersOnly(s.select, ctx, 'select');
    if (s.where) knownPlaceholdersOnly(s.where, ctx, 'where');
  });

export const csvSourceSchema = z
  .object({
    kind: z.literal('csv'),
    /** A CSV file, or a folder of them (a drop folder): columns department,metric,period,value[,note]. */
    path: z.string().min(1).max(500),
    label,
  })
  .strict();

export const httpJsonSourceSchema = z
  .object({
    kind: z.literal('http_json'),
    url: httpUrl,
    /** Header name → the environment variable holding its value. */
    headers_env: z.record(z.string().regex(/^[A-Za-z0-9-]{1,60}$/, 'must be a header name'), envName).default({}),
    /** An RFC 9535 JSONPath to the value, such as $.data[0].count. */
    json_path: z.string().refine(isJsonPath, 'must be a JSONPath (RFC 9535) such as $.data.count'),
    timeout_seconds: timeoutSeconds,
    label,
  })
  .strict()
  .superRefine((s, ctx) => knownPlaceholdersOnly(s.url, ctx, 'url', false));

export const sourceSchema = z.discriminatedUnion(
  'kind',
  [sqlSourceSchema, socrataSourceSchema, csvSourceSchema, httpJsonSourceSchema],
  { error: 'kind must be sql, socrata, csv or http_json' },
);

export type SourceSpec = z.infer<typeof sourceSchema>;
export type SqlSourceSpec = z.infer<typeof sqlSourceSchema>;
export type SocrataSourceSpec = z.infer<typeof socrataSourceSchema>;
export type CsvSourceSpec = z.infer<typeof csvSourceSchema>;
export type HttpJsonSourceSpec = z.infer<typeof httpJsonSourceSchema>;
export type SourceKind = SourceSpec['kind'];

/** How a person is told where a value came from ("from the 311 database"). */
/** A source with no label, in words. */
export const SOURCE_KIND_WORDS: Record<SourceSpec['kind'], string> = {
  sql: 'a city database',
  socrata: 'the open-data portal',
  csv: 'a CSV export',
  http_json: 'a city web service',
};

export function describeSource(s: SourceSpec): string {
  if (s.label) return s.label;
  return s.kind === 'socrata' ? `${SOURCE_KIND_WORDS.socrata} (${s.dataset})` : SOURCE_KIND_WORDS[s.kind];
}

/**
 * The system a source talks to: failures are reported once per system and period, and the
 * concurrency limit applies per system (one 311 database, however many metrics query it).
 */
export function sourceSystemKey(s: SourceSpec): string {
  switch (s.kind) {
    case 'sql':
      return `sql:${s.connection_env}`;
    case 'socrata':
      return `socrata:${s.domain.toLowerCase()}`;
    case 'csv':
      return `csv:${s.path}`;
    case 'http_json':
      return `http_json:${hostOf(s.url)}`;
  }
}

function hostOf(url: string): string {
  const m = /^https?:\/\/([^/?#]+)/i.exec(url);
  return (m?.[1] ?? url).toLowerCase();
}

/** What identifies the definition (hashed into the provenance): the query or URL, not the secrets. */
export function sourceDefinitionText(s: SourceSpec): string {
  switch (s.kind) {
    case 'sql':
      return `sql\n${s.connection_env}\n${s.query}`;
    case 'socrata':
      return `socrata\n${s.domain}\n${s.dataset}\n${s.select}\n${s.where ?? ''}\n${s.group ?? ''}`;
    case 'csv':
      return `csv\n${s.path}`;
    case 'http_json':
      return `http_json\n${s.url}\n${s.json_path}\n${Object.entries(s.headers_env).join(',')}`;
  }
}
