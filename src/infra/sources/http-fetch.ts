// One HTTP GET for a source, through the global fetch: http(s) only, an optional host allow-list,
// a timeout, and a size limit enforced while reading (a huge body is never buffered whole).
import { SourceError } from './source-error.js';

export interface HttpGetOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  allowedHosts: readonly string[] | null;
}

export function checkUrl(text: string, allowedHosts: readonly string[] | null): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SourceError('bad_url', 'the URL is not valid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SourceError('bad_url', `the URL scheme ${url.protocol} is not allowed (http or https only)`);
  const host = url.hostname.toLowerCase();
  const allowed =
    !allowedHosts ||
    allowedHosts.some((h) => (h.startsWith('.') ? host.endsWith(h) || host === h.slice(1) : host === h));
  if (!allowed) throw new SourceError('host_not_allowed', `${host} is not on the allowed hosts list`);
  return url;
}

export async function getJson(urlText: string, opts: HttpGetOptions): Promise<unknown> {
  const url = checkUrl(urlText, opts.allowedHosts);
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { accept: 'application/json', ...opts.headers },
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
      throw new SourceError('timeout', `no answer within ${opts.timeoutMs / 1000} s`);
    throw new SourceError('unreachable', `${url.host} could not be reached`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new SourceError(
      res.status >= 500 || res.status === 429 ? 'server_error' : 'bad_response',
      `HTTP ${res.status}`,
    );
  }
  const text = await readLimited(res, opts);
  try {
    return JSON.parse(text);
  } catch {
    throw new SourceError('bad_response', 'the answer is not valid JSON');
  }
}

async function readLimited(res: Response, opts: HttpGetOptions): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  const tooLarge = () => new SourceError('too_large', `the answer is larger than ${opts.maxBytes} bytes`);
  if (declared > opts.maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > opts.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
      throw new SourceError('timeout', `no complete answer within ${opts.timeoutMs / 1000} s`);
    throw new SourceError('unreachable', 'the connection broke while reading the answer');
  }
  return Buffer.concat(chunks).toString('utf8');
}
