// Validates Block Kit JSON against the third-party Block Kit JSON Schema vendored in vendor/slack-spec
// (so our payloads are checked by something we did not write), plus the Slack limits in
// slack-limits.ts. Messages name the offending block by index and type, the way a person
// debugging a rejected payload wants to read them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { checkMessageLimits, checkViewLimits, type LimitProblem } from './slack-limits.js';

const addFormats = addFormatsModule.default;

export type ViewType = 'modal' | 'home';

export interface BlockKitValidator {
  /** Problems with a message's `blocks` array (chat.postMessage & co., response_url bodies, acks). */
  messageBlocks(blocks: unknown): string[];
  /** Problems with a view (views.open/push/update/publish, view_submission acks). */
  view(view: unknown, expected?: ViewType): string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createBlockKitValidator(schemaPath: string): BlockKitValidator {
  const raw = JSON.parse(readFileSync(schemaPath, 'utf8')) as JsonObject;
  const schema = withDiscriminators(raw);
  const id = String(schema.$id);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(schema);
  const blocksFn = ajv.getSchema(id);
  if (!blocksFn) throw new Error(`Block Kit schema ${schemaPath} did not compile`);
  const modalFn = ajv.compile({ $ref: `${id}#/$defs/modal_view` });
  const homeFn = ajv.compile({ $ref: `${id}#/$defs/home_view` });

  return {
    messageBlocks(blocks) {
      if (!Array.isArray(blocks))
        return [`blocks must be an array of blocks, got ${describe(blocks)} [json-pointer:/blocks]`];
      const limits = checkMessageLimits(blocks);
      return merge(limits, schemaErrors(blocksFn, blocks, '/blocks', blocks));
    },
    view(view, expected) {
      if (!isObject(view)) return [`view must be an object, got ${describe(view)} [json-pointer:/view]`];
      const type = view.type;
      if (type !== 'modal' && type !== 'home') {
        return [`view.type must be "modal" or "home", got ${JSON.stringify(type)} [json-pointer:/view/type]`];
      }
      if (expected && type !== expected) {
        return [`this method takes a ${expected} view, got type "${type}" [json-pointer:/view/type]`];
      }
      const blocks = Array.isArray(view.blocks) ? view.blocks : [];
      const limits = checkViewLimits(view, type);
      return merge(limits, schemaErrors(type === 'modal' ? modalFn : homeFn, view, '/view', blocks, '/blocks'));
    },
  };
}

export function defaultBlockKitSchemaPath(specDir: string): string {
  return join(specDir, 'block-kit', 'slack-block-kit.schema.json');
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `the string ${JSON.stringify(v.slice(0, 40))}` : typeof v;
}

/** Limits first (they are the clearer message); schema errors at a pointer a limit already named are dropped. */
function merge(limits: LimitProblem[], schema: string[]): string[] {
  const covered = new Set(limits.map((l) => l.pointer));
  const out = limits.map((l) => `${l.message} [json-pointer:${l.pointer}]`);
  for (const s of schema) {
    const pointer = /\[json-pointer:([^\]]*)\]$/.exec(s)?.[1];
    if (pointer !== undefined && covered.has(pointer)) continue;
    out.push(s);
  }
  return out;
}

function schemaErrors(
  fn: ValidateFunction,
  data: unknown,
  pointerPrefix: string,
  blocks: Json[],
  blocksPathInData = '',
): string[] {
  if (fn(data)) return [];
  const messages: string[] = [];
  for (const e of fn.errors ?? []) {
    // `if` errors only repeat that a `then` failed; the `then` errors themselves are kept.
    if (e.keyword === 'if') continue;
    const msg = formatError(e, pointerPrefix, blocks, blocksPathInData);
    if (!messages.includes(msg)) messages.push(msg);
  }
  return messages;
}

function formatError(e: ErrorObject, pointerPrefix: string, blocks: Json[], blocksPathInData: string): string {
  const pointer = `${pointerPrefix}${e.instancePath}`;
  let where = pointerPrefix.slice(1) || 'payload';
  let rest = e.instancePath;
  const blockMatch = new RegExp(`^${blocksPathInData}/(\\d+)(.*)$`).exec(e.instancePath);
  if (blockMatch) {
    const index = Number(blockMatch[1]);
    const block = blocks[index];
    const type = isObject(block) && typeof block.type === 'string' ? block.type : '?';
    const blockId = isObject(block) && typeof block.block_id === 'string' ? `, block_id "${block.block_id}"` : '';
    where = `blocks[${index}] (${type}${blockId})`;
    rest = blockMatch[2] ?? '';
  } else if (pointerPrefix === '/view') {
    where = 'view';
  }
  const path = rest ? ` ${rest.slice(1).replaceAll('/', '.')}` : '';
  return `${where}${path}: ${ajvMessage(e)} [json-pointer:${pointer}]`;
}

function ajvMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(p.additionalProperty)}"`;
    case 'required':
      return `missing required property "${String(p.missingProperty)}"`;
    case 'enum':
      return `${e.message ?? 'must be one of'} (${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    default:
      return e.message ?? e.keyword;
  }
}

// ---------------------------------------------------------------------------------------------
// Discriminator rewrite. The schema models "a block" as `oneOf` over ~18 block schemas. When one
// block is wrong, ajv reports why it fails *every* branch (dozens of "must be equal to constant",
// "must NOT have additional properties"), which buries the one real problem. Every such `oneOf`
// is discriminated by `type`, so we rewrite it in memory (the file stays unmodified) into
// "type must be one of [...]" plus `if type == X then $ref X`; ajv then reports only the errors
// of the branch the payload chose. Validation semantics are unchanged for discriminated unions.
// ---------------------------------------------------------------------------------------------

function withDiscriminators(schema: JsonObject): JsonObject {
  const copy = structuredClone(schema);
  const defs = copy.$defs;
  if (!isObject(defs)) return copy;
  const resolve = (ref: string): JsonObject | undefined => {
    const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
    const target = m ? defs[m[1]!] : undefined;
    return isObject(target) ? target : undefined;
  };
  // (type const, $ref) pairs of a oneOf, flattening nested discriminated oneOfs (text_object
  // inside context elements); undefined if any branch is not a typed object schema.
  const branchesOf = (node: JsonObject): { tag: string; ref: string }[] | undefined => {
    const oneOf = node.oneOf;
    if (!Array.isArray(oneOf)) return undefined;
    const out: { tag: string; ref: string }[] = [];
    for (const b of oneOf) {
      if (!isObject(b) || typeof b.$ref !== 'string' || Object.keys(b).length !== 1) return undefined;
      const target = resolve(b.$ref);
      if (!target) return undefined;
      const props = target.properties;
      const tag = isObject(props) && isObject(props.type) ? props.type.const : undefined;
      if (typeof tag === 'string' && target.type === 'object') {
        out.push({ tag, ref: b.$ref });
        continue;
      }
      const nested = Object.keys(target).every((k) => k === 'oneOf' || k === 'description')
        ? branchesOf(target)
        : undefined;
      if (!nested) return undefined;
      out.push(...nested);
    }
    return new Set(out.map((b) => b.tag)).size === out.length ? out : undefined;
  };
  // Collect first, mutate after: rewriting text_object before context_block_element is read
  // would hide the nested union from branchesOf.
  const found: { node: JsonObject; branches: { tag: string; ref: string }[] }[] = [];
  const collect = (node: Json): void => {
    if (Array.isArray(node)) {
      node.forEach(collect);
      return;
    }
    if (!isObject(node)) return;
    for (const v of Object.values(node)) collect(v);
    if (!Object.keys(node).every((k) => k === 'oneOf' || k === 'description')) return;
    const branches = branchesOf(node);
    if (branches) found.push({ node, branches });
  };
  collect(defs);
  for (const { node, branches } of found) {
    delete node.oneOf;
    node.type = 'object';
    node.required = ['type'];
    node.properties = { type: { enum: branches.map((b) => b.tag) } };
    node.allOf = branches.map((b) => ({
      if: { type: 'object', required: ['type'], properties: { type: { const: b.tag } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a promise
      then: { $ref: b.ref },
    }));
  }
  return copy;
}
