// What a Web API method implementation sees and returns. Argument validation against the method
// spec, Block Kit validation and auth have already passed when a handler runs.
import type { SandboxState } from '../sandbox-state.js';
import type { SlackArgs, SlackResult } from '../sandbox-types.js';

export interface HandlerContext {
  method: string;
  args: SlackArgs;
  token: string;
  state: SandboxState;
  /** http://127.0.0.1:PORT (no trailing slash). */
  baseUrl: string;
  /** apps.connections.open: a fresh single-use Socket Mode URL. */
  issueSocketUrl(): string;
}

export type MethodHandler = (ctx: HandlerContext) => SlackResult;

export const fail = (error: string, extra: Record<string, unknown> = {}): SlackResult => ({
  ok: false,
  error,
  ...extra,
});

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Slack's cursor pagination over a list: opaque cursor = base64 of the next offset. */
export function paginate<T>(items: T[], args: SlackArgs): { page: T[]; next_cursor: string } | { error: string } {
  let offset = 0;
  const cursor = str(args.cursor);
  if (cursor) {
    const m = /^next:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
    if (!m) return { error: 'invalid_cursor' };
    offset = Number(m[1]);
  }
  const limit = typeof args.limit === 'number' && args.limit > 0 ? args.limit : items.length || 1;
  const page = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? Buffer.from(`next:${offset + limit}`).toString('base64') : '';
  return { page, next_cursor: next };
}
