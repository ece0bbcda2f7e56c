// The period placeholders a source may use: `:period_start` and `:period_end` (the first and last
// local day of the period, inclusive) and `:period` (the period key, "2026-10"). Found outside SQL
// string literals, quoted identifiers and comments, and never after another colon (`::date` casts).

export const PLACEHOLDER_NAMES = ['period_start', 'period_end', 'period'] as const;
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];
export type PeriodParameters = Record<PlaceholderName, string>;

export const UNKNOWN_PLACEHOLDER = (name: string) =>
  `:${name} is not a placeholder; use :period_start, :period_end or :period`;

interface Token {
  name: string;
  start: number;
  end: number;
}

/**
 * Scans text the way PostgreSQL's lexer would for the parts that cannot hold a parameter. A URL
 * (`sql: false`) has no literals or comments: every placeholder in it is filled.
 */
function scan(text: string, sql = true): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (!sql && c !== ':') {
      i++;
    } else if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      i = close === -1 ? text.length : close + 1;
    } else if (c === '-' && next === '-') {
      const close = text.indexOf('\n', i);
      i = close === -1 ? text.length : close + 1;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (c === '$' && /[A-Za-z_$]/.test(next ?? '')) {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))?.[0];
      if (tag) {
        const close = text.indexOf(tag, i + tag.length);
        i = close === -1 ? text.length : close + tag.length;
      } else i++;
    } else if (c === ':' && next === ':') {
      i += 2;
    } else if (c === ':' && /[A-Za-z_]/.test(next ?? '') && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))![0];
      tokens.push({ name, start: i, end: i + 1 + name.length });
      i += 1 + name.length;
    } else i++;
  }
  return tokens;
}

const isKnown = (name: string): name is PlaceholderName => (PLACEHOLDER_NAMES as readonly string[]).includes(name);

export function findPlaceholders(text: string, sql = true): { known: PlaceholderName[]; unknown: string[] } {
  const tokens = scan(text, sql);
  return {
    known: tokens.map((t) => t.name).filter(isKnown),
    unknown: tokens.map((t) => t.name).filter((n) => !isKnown(n)),
  };
}

/**
 * Rewrites `:name` into PostgreSQL's `$1`, `$2`… and lists the values in order: the values are
 * sent as bind parameters, never spliced into the SQL text.
 */
export function bindSqlParameters(sql: string, params: PeriodParameters): { text: string; values: string[] } {
  const order: PlaceholderName[] = [];
  let text = '';
  let at = 0;
  for (const t of scan(sql)) {
    if (!isKnown(t.name)) throw new Error(UNKNOWN_PLACEHOLDER(t.name));
    let index = order.indexOf(t.name);
    if (index === -1) index = order.push(t.name) - 1;
    text += `${sql.slice(at, t.start)}$${index + 1}`;
    at = t.end;
  }
  return { text: text + sql.slice(at), values: order.map((n) => params[n]) };
}

/** Replaces placeholders in free text, each value passed through `encode` (URL- or SoQL-quoting). */
export function fillPlaceholders(
  text: string,
  params: PeriodParameters,
  encode: (value: string) => string,
  sql = true,
): string {
  let out = '';
  let at = 0;
  for (const t of scan(text, sql)) {
    if (!isKnown(t.name)) continue;
    out += text.slice(at, t.start) + encode(params[t.name]);
    at = t.end;
  }
  return out + text.slice(at);
}

/** A SoQL string literal: single quotes, an inner quote doubled. */
export const soqlLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;
