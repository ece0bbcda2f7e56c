// Loads the third-party Web API method specs (vendor/slack-spec/methods/<method>.json) and checks
// a call's arguments against them: required args present, declared types, no unknown args.
//
// Spec shape (checked against the files): { desc, http_method, rate_limits, json_input_supported,
// args: { type: 'object', required: [...], properties: { name: { type | anyOf | allOf | schema,
// maxLength?, minimum?, enum?, items? } } }, errors: { name: desc }, ... }.
//
// Two wire formats reach Slack. Form-encoded (what @slack/web-api sends): every value is a
// string, nested values are JSON strings. JSON (only for methods with json_input_supported):
// values keep their JSON types. Types are therefore checked per wire format.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ArgSchema {
  type?: string;
  anyOf?: ArgSchema[];
  allOf?: ArgSchema[];
  enum?: unknown[];
  maxLength?: number;
  minimum?: number;
  items?: ArgSchema & { required?: string[]; properties?: Record<string, ArgSchema> };
  required?: string[];
  properties?: Record<string, ArgSchema>;
  /** A named Slack schema ("modal", "user_id", ...) that the files do not define; not checkable. */
  schema?: string;
}

export interface MethodSpec {
  name: string;
  jsonInputSupported: boolean;
  rateTier: string | undefined;
  required: string[];
  properties: Record<string, ArgSchema>;
  errors: string[];
}

interface RawSpec {
  rate_limits?: string;
  json_input_supported?: boolean;
  args?: { required?: string[]; properties?: Record<string, ArgSchema> };
  errors?: Record<string, unknown>;
}

export function loadMethodSpecs(methodsDir: string): Map<string, MethodSpec> {
  const specs = new Map<string, MethodSpec>();
  for (const file of readdirSync(methodsDir)) {
    if (!file.endsWith('.json')) continue;
    const name = file.slice(0, -'.json'.length);
    const raw = JSON.parse(readFileSync(join(methodsDir, file), 'utf8')) as RawSpec;
    specs.set(name, {
      name,
      jsonInputSupported: raw.json_input_supported === true,
      rateTier: raw.rate_limits,
      required: raw.args?.required ?? [],
      properties: raw.args?.properties ?? {},
      errors: Object.keys(raw.errors ?? {}),
    });
  }
  return specs;
}

/** Args whose value is JSON: a JSON string when form-encoded, a JSON value in a JSON body. */
export const JSON_ENCODED_ARGS = new Set([
  'blocks',
  'attachments',
  'unfurled_attachments',
  'metadata',
  'view',
  'files',
  'file_ids',
]);

/** Args every call may carry even though the specs do not list them. */
const ALWAYS_ALLOWED = new Set([
  'token',
  // @slack/web-api adds `team_id: this.teamId` to every call (undefined unless configured, and
  // undefined values are dropped, but a client built with `teamId` sends it everywhere).
  'team_id',
]);

/** Known spec/client mismatches, allowed per method. */
const EXTRA_ALLOWED: Record<string, string[]> = {
  // web-api's files.uploadV2 sends `alt_text` to files.getUploadURLExternal; the method spec
  // (and Slack's docs) name the argument `alt_txt`. Slack accepts what the SDK sends, so allow it.
  'files.getUploadURLExternal': ['alt_text'],
};

export type Wire = 'form' | 'json';

export interface ArgCheck {
  problems: string[];
  /** Args decoded for handlers and recording: JSON args parsed, booleans and numbers typed. */
  decoded: Record<string, unknown>;
  /** Set when a JSON-encoded arg is not valid JSON (Slack: invalid_blocks_format etc.). */
  badJson: string[];
}

export function checkArgs(
  spec: MethodSpec,
  args: Record<string, unknown>,
  wire: Wire,
  hasBearerToken: boolean,
): ArgCheck {
  const problems: string[] = [];
  const badJson: string[] = [];
  const decoded: Record<string, unknown> = {};
  for (const name of spec.required) {
    if (name === 'token' && hasBearerToken) continue;
    if (args[name] === undefined || args[name] === null) problems.push(`missing required argument "${name}"`);
  }
  const extra = EXTRA_ALLOWED[spec.name] ?? [];
  for (const [name, raw] of Object.entries(args)) {
    const prop = spec.properties[name];
    if (!prop) {
      if (!ALWAYS_ALLOWED.has(name) && !extra.includes(name)) {
        problems.push(`unknown argument "${name}" (not in the ${spec.name} spec; Slack would silently ignore it)`);
      }
      decoded[name] = raw;
      continue;
    }
    let value: unknown = raw;
    if (JSON_ENCODED_ARGS.has(name) && typeof raw === 'string') {
      try {
        value = JSON.parse(raw);
      } catch {
        badJson.push(name);
        problems.push(`argument "${name}" is not valid JSON`);
        decoded[name] = raw;
        continue;
      }
    }
    const why = JSON_ENCODED_ARGS.has(name) ? checkJsonArg(value, prop) : checkValue(raw, prop, wire);
    if (why) problems.push(`argument "${name}" ${why}`);
    decoded[name] = JSON_ENCODED_ARGS.has(name) ? value : coerce(raw, prop);
  }
  return { problems, decoded, badJson };
}

/** The spec declares JSON args as `string` (their form-encoded shape); check the decoded value. */
function checkJsonArg(value: unknown, prop: ArgSchema): string | undefined {
  const declared = typesOf(prop);
  if (declared.includes('array') && !Array.isArray(value)) return `must be a JSON array`;
  if (Array.isArray(value) && prop.items?.required) {
    for (const [i, item] of value.entries()) {
      for (const key of prop.items.required) {
        if (typeof item !== 'object' || item === null || !(key in item)) return `item ${i} is missing "${key}"`;
      }
    }
  }
  return undefined;
}

function typesOf(prop: ArgSchema): string[] {
  const out: string[] = [];
  if (prop.type) out.push(prop.type);
  for (const p of prop.anyOf ?? []) out.push(...typesOf(p));
  for (const p of prop.allOf ?? []) out.push(...typesOf(p));
  return out;
}

function checkValue(value: unknown, prop: ArgSchema, wire: Wire): string | undefined {
  if (prop.anyOf) {
    const reasons = prop.anyOf.map((p) => checkValue(value, p, wire));
    return reasons.some((r) => r === undefined) ? undefined : reasons.join(' or ');
  }
  if (prop.allOf) {
    for (const p of prop.allOf) {
      const r = checkValue(value, p, wire);
      if (r) return r;
    }
  }
  const s = typeof value === 'string' ? value : undefined;
  switch (prop.type) {
    case undefined:
      break;
    case 'string':
      if (typeof value !== 'string') return `must be a string, got ${JSON.stringify(value)}`;
      break;
    case 'boolean':
      // Slack reads "true"/"false"/"1"/"0" from forms; JSON bodies may also send real booleans.
      if (typeof value !== 'boolean' && !(s !== undefined && /^(true|false|1|0)$/.test(s)))
        return `must be a boolean, got ${JSON.stringify(value)}`;
      break;
    case 'integer':
      if (!(typeof value === 'number' && Number.isInteger(value)) && !(s !== undefined && /^-?\d+$/.test(s)))
        return `must be an integer, got ${JSON.stringify(value)}`;
      break;
    case 'number':
      if (typeof value !== 'number' && !(s !== undefined && s.trim() !== '' && Number.isFinite(Number(s))))
        return `must be a number, got ${JSON.stringify(value)}`;
      break;
    case 'null':
      if (value !== null && value !== '') return 'must be null';
      break;
    case 'array':
      if (!Array.isArray(value)) return 'must be an array';
      break;
    case 'object':
      if (typeof value !== 'object' || value === null) return 'must be an object';
      break;
  }
  if (prop.enum && !prop.enum.includes(value))
    return `must be one of ${prop.enum.map((e) => JSON.stringify(e)).join(', ')}`;
  if (prop.maxLength !== undefined && s !== undefined && s.length > prop.maxLength)
    return `must be at most ${prop.maxLength} characters`;
  if (prop.minimum !== undefined && Number(value) < prop.minimum) return `must be at least ${prop.minimum}`;
  return undefined;
}

function coerce(value: unknown, prop: ArgSchema): unknown {
  if (typeof value !== 'string') return value;
  const types = typesOf(prop);
  if (types.includes('string')) return value;
  if (types.includes('boolean') && /^(true|false|1|0)$/.test(value)) return value === 'true' || value === '1';
  if ((types.includes('integer') || types.includes('number')) && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return value;
}
