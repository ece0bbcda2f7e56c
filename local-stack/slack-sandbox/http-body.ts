// Reading what clients send to the sandbox: Web API calls (form-encoded, JSON or multipart, plus
// query-string args, as Slack accepts all of them) and file uploads (raw bytes or multipart).
import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Wire } from './method-specs.js';

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface ApiRequest {
  args: Record<string, unknown>;
  wire: Wire;
  /** From `Authorization: Bearer`, else the `token` arg. */
  token: string | undefined;
  bearer: boolean;
}

const contentTypeOf = (req: IncomingMessage): string =>
  (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

export async function parseApiRequest(req: IncomingMessage, body: Buffer): Promise<ApiRequest> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const args: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) args[k] = v;
  const type = contentTypeOf(req);
  let wire: Wire = 'form';
  if (type === 'application/json') {
    wire = 'json';
    const parsed: unknown = body.length ? JSON.parse(body.toString('utf8')) : {};
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) Object.assign(args, parsed);
  } else if (type === 'multipart/form-data') {
    // web-api switches to multipart when an arg is a Buffer (legacy uploads).
    const form = await multipart(req, body);
    for (const [k, v] of form) args[k] = typeof v === 'string' ? v : Buffer.from(await v.arrayBuffer());
  } else if (body.length) {
    for (const [k, v] of Object.entries(parseQuery(body.toString('utf8')))) {
      if (v !== undefined) args[k] = Array.isArray(v) ? v[v.length - 1] : v;
    }
  }
  const auth = req.headers.authorization;
  const bearer = typeof auth === 'string' && /^Bearer\s+\S+/i.test(auth);
  const token = bearer
    ? auth!.replace(/^Bearer\s+/i, '').trim()
    : typeof args.token === 'string'
      ? args.token
      : undefined;
  return { args, wire, token, bearer };
}

/** Bytes POSTed to an upload_url: the first file part of a multipart body, else the raw body. */
export async function parseUpload(req: IncomingMessage, body: Buffer): Promise<Buffer> {
  if (contentTypeOf(req) !== 'multipart/form-data') return body;
  const form = await multipart(req, body);
  for (const [, v] of form) if (typeof v !== 'string') return Buffer.from(await v.arrayBuffer());
  const first = [...form.values()][0];
  return Buffer.from(typeof first === 'string' ? first : '');
}

/** Multipart parsing via the WHATWG Response that Node ships (no extra dependency). */
function multipart(req: IncomingMessage, body: Buffer): Promise<FormData> {
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': req.headers['content-type'] ?? '' },
  }).formData();
}
